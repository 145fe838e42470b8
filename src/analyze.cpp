#include "lexfr/analyze.h"

#include "recognise/names.h"
#include "recognise/legal_refs.h"
#include "recognise/link.h"
#include "recognise/money.h"
#include "io/sha256.h"

namespace lexfr {

Status LoadResources(const std::vector<std::string>& user_gazetteers, Resources* out) {
  return LoadLexicon(EmbeddedFiles(), user_gazetteers, &out->lexicon);
}

Status Analyze(std::string bytes, std::string path, const Resources& resources, const AnalyzeOptions& options,
               Document* out) {
  out->path = std::move(path);
  out->bytes = bytes.size();
  out->sha256 = Sha256Hex(bytes);

  // extract and decode
  Extracted extracted;
  Status s = Extract(std::move(bytes), out->path, options.input_format, options.extract, &extracted);
  if (!s.ok()) return s;
  out->decoded = std::move(extracted.decoded);
  out->source = std::move(extracted.info);
  out->diagnostics = out->decoded.diagnostics;
  const std::string_view text = out->decoded.text;

  // segment
  out->segmentation = Segment(text, resources.lexicon.abbreviations());
  const Segmentation& seg = out->segmentation;

  // recognise: names and dates first, since legal references read them
  std::vector<std::vector<Candidate>> candidates(4);  // names, dates, legal refs, money
  const Lexicon& lexicon = resources.lexicon;
  candidates[0] = FindNames(text, seg, lexicon);
  DateOptions date_options = options.dates;
  if (!date_options.ref_date && !out->source.published.empty()) date_options.ref_date = out->source.published;
  candidates[1] = FindDates(text, seg, lexicon, date_options);
  candidates[2] = FindLegalRefs(text, seg, lexicon, candidates[0], candidates[1]);
  candidates[3] = FindMoney(text, seg, lexicon);

  // link
  out->entities = Link(text, seg, std::move(candidates));

  // summarise
  out->recourse = Summarise(text, seg, lexicon, out->entities);
  out->quotes = FindQuotes(text, seg, lexicon, out->entities);
  return Status::Ok();
}

}  // namespace lexfr
