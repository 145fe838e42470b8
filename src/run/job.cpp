#include "run/job.h"

#include <chrono>

#include "emit/json_record.h"

namespace lexfr {

void Tally(const Document& doc, FileResult* r) {
  r->bytes = doc.bytes;
  r->entities = doc.entities.size();
  for (const Entity& e : doc.entities) ++r->entity_types[EntityTypeName(e.type)];
  if (doc.recourse) {
    r->recourse = doc.recourse->kind;
    r->court = doc.recourse->court;
    r->recourse_status = doc.recourse->status;
  }
  r->diagnostics = doc.decoded.diagnostics;
  r->format = InputFormatName(doc.source.format);
  r->pages = doc.source.page_starts.size();
  r->encoding = doc.decoded.encoding;
  r->sentences = doc.segmentation.sentences.size();
}

std::string_view RecordExtension(const RecordOptions& options) {
  if (options.html) return ".html";
  if (options.table) return options.table->dialect == TableDialect::kCsv ? ".csv" : ".tsv";
  return ".json";
}

Status InternalError(const std::exception& e) {
  return Status::Error(ExitCode::kSoftware, "internal_error",
                       std::string("internal error (please report it): ") + e.what());
}

FileResult RunJob(Job job, const FileReader& reader, const Resources& resources, const AnalyzeOptions& analyze,
                  const RecordOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  FileResult r;
  r.status = job.error;
  if (r.status.ok()) {
    try {
      std::string bytes;
      if (job.text) {
        bytes = std::move(*job.text);
      } else {
        r.status = reader.Read(job.path, options.max_bytes, &bytes);
      }
      Document doc;
      if (r.status.ok()) r.status = Analyze(std::move(bytes), job.path, resources, analyze, &doc);
      if (r.status.ok()) {
        Tally(doc, &r);
        doc.id = job.id;
        if (options.html) {
          r.record = RenderHtmlPage(doc, options.lang);
        } else if (options.table) {
          AppendDocumentRows(doc, *options.table, &r.record);
        } else {
          AppendDocumentJson(doc, options.pretty, &r.record, options.shape);
        }
      }
    } catch (const std::exception& e) {
      r = FileResult();
      r.status = InternalError(e);
    }
  }
  if (!r.status.ok()) {
    r.record.clear();
    if (options.html) {
      r.record = RenderHtmlErrorPage(job.path, r.status, options.lang);
    } else if (options.table) {
      AppendErrorRow(job.path, r.status, options.table->dialect, &r.record, job.id);
    } else {
      AppendErrorJson(job.path, r.status, options.pretty, &r.record, job.id);
    }
  }
  if (!options.html && !options.table) r.record += '\n';  // rows end with their own line ends
  if (options.table && options.table_header) r.record.insert(0, TableHeader(options.table->dialect));
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace lexfr
