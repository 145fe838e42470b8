#include "emit/json_record.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "extract/extract.h"
#include "emit/json_writer.h"
#include "text/text_util.h"

namespace lexfr {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kFlushAt = 1 << 16;

// Where a span is, in code points and in bytes: tokens, sentences, mentions.
void WriteOffsets(uint32_t start, uint32_t end, uint32_t byte_start, uint32_t byte_end, JsonWriter& w) {
  w.UintFields({{"start", start}, {"end", end}, {"byte_start", byte_start}, {"byte_end", byte_end}});
}
template <class Span>
void WriteOffsets(const Span& s, JsonWriter& w) {
  WriteOffsets(s.start, s.end, s.byte_start, s.byte_end, w);
}

// The text a span covers and where: a mention's and a quote's first fields.
template <class Span>
void WriteSpan(std::string_view text, const Span& s, JsonWriter& w) {
  w.TextAndUintFields("text", text,
                      {{"start", s.start},
                       {"end", s.end},
                       {"byte_start", s.byte_start},
                       {"byte_end", s.byte_end},
                       {"sentence", s.sentence}});
}

void WriteEntity(const Entity& e, std::string_view text, const std::vector<uint32_t>& page_starts, bool mentions,
                 JsonWriter& w) {
  w.BeginObject();
  w.Field("type", EntityTypeName(e.type));
  w.Field("canonical", e.canonical);
  const EntityFields& f = e.fields;
  switch (e.type) {
    case EntityType::kOrg:
    case EntityType::kLoc: w.FieldIfSet("subtype", f.subtype()); break;
    case EntityType::kPerson:
      w.FieldIfSet("title", f.title());
      w.FieldIfSet("role", f.role());
      break;
    case EntityType::kLegalRef:
      w.Field("instrument", f.instrument());
      w.Key("article");
      w.StringOrNull(f.article());
      w.FieldIfSet("url", f.url);
      break;
    case EntityType::kDate:
      w.Field("value", f.value());
      w.Field("precision", f.precision());
      w.FieldIfSet("period", f.period());
      if (f.anchor != EntityFields::Anchor::kNone) {
        w.Key("relative");
        w.Bool(true);
        w.Field("resolved_against", f.resolved_against);
        w.Field("anchor", f.anchor == EntityFields::Anchor::kReference ? "reference" : "text");
      }
      break;
    case EntityType::kDuration:
      w.Field("value", f.value());
      w.FieldIfSet("from", f.from());
      break;
    case EntityType::kMoney:
      w.Key("amount");
      w.Number(f.amount);
      w.Field("currency", f.currency());
      break;
  }
  w.StringArray("aliases", e.aliases);
  if (!mentions) {
    w.EndObject();
    return;
  }
  w.Key("mentions");
  w.BeginArray();
  for (const Mention& m : e.mentions) {
    w.BeginObject();
    WriteSpan(text.substr(m.byte_start, m.byte_end - m.byte_start), m, w);
    if (!page_starts.empty()) w.Field("page", PageAt(page_starts, m.byte_start));
    if (m.range) w.Field("range", true);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteQuote(const Quote& q, JsonWriter& w) {
  w.BeginObject();
  WriteSpan(q.text, q, w);
  w.Key("speaker");
  w.StringOrNull(q.speaker);
  w.Key("speaker_type");
  w.StringOrNull(q.speaker_type);
  w.Key("kind");
  w.String(q.kind);
  w.EndObject();
}

// `key`: what `write` makes of `*value`, or null.
template <class T, class Write>
void OptionalField(JsonWriter& w, LiteralKey key, const std::optional<T>& value, Write write) {
  w.Key(key);
  if (value) {
    write(*value, w);
  } else {
    w.Null();
  }
}

// `key`: an array of what `write` makes of each item.
template <class Items, class Write>
void ArrayField(JsonWriter& w, LiteralKey key, const Items& items, Write write) {
  w.Key(key);
  w.BeginArray();
  for (const auto& item : items) write(item, w);
  w.EndArray();
}

void WriteZone(const Zone& z, JsonWriter& w) {
  w.BeginObject();
  w.Field("name", z.name);
  w.Field("start", z.start);
  w.Field("end", z.end);
  w.EndObject();
}

void WriteDiagnostic(const Diagnostic& d, JsonWriter& w) {
  w.BeginObject();
  w.Field("code", d.code);
  w.Field("message", d.message);
  w.EndObject();
}

// The decision's identity (CONTRACT.md "Genre, decision and zones"): fields
// unknown are null.
void WriteDecision(const DecisionIdentity& d, JsonWriter& w) {
  w.BeginObject();
  w.Key("court"), w.StringOrNull(d.court);
  w.Key("formation"), w.StringOrNull(d.formation);
  w.Key("type"), w.StringOrNull(d.type);
  w.Key("date"), w.StringOrNull(d.date);
  w.StringArray("numbers", d.numbers);
  w.Key("ecli"), w.StringOrNull(d.ecli);
  w.Key("publication"), w.StringOrNull(d.publication);
  w.Key("judges");
  w.BeginArray();
  for (const Judge& j : d.judges) {
    w.BeginObject();
    w.Key("name"), w.String(j.name);
    w.Key("role"), w.StringOrNull(j.role);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

// `nested`: an earlier stage in another's `related`.
void WriteRecourseAt(const Recourse& r, JsonWriter& w, bool nested) {
  const auto nullable = [&w](LiteralKey key, const std::string& value) {
    w.Key(key);
    w.StringOrNull(value);
  };
  w.BeginObject();
  w.Field("kind", r.kind);
  nullable("court", r.court);
  w.StringArray("claimants", r.claimants);
  w.StringArray("respondents", r.respondents);
  w.Key("counsel");
  w.BeginArray();
  for (const Counsel& c : r.counsel) {
    w.BeginObject();
    nullable("name", c.name);
    nullable("firm", c.firm);
    w.EndObject();
  }
  w.EndArray();
  w.Key("challenged_act");
  if (r.challenged_act) {
    const ChallengedAct& a = *r.challenged_act;
    w.BeginObject();
    nullable("type", a.type);
    nullable("author", a.author);
    nullable("date", a.date);
    nullable("published", a.published);
    nullable("reference", a.reference);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("grounds");
  w.BeginArray();
  for (const Ground& g : r.grounds) {
    w.BeginObject();
    w.Field("category", g.category);
    w.Field("text", g.text);
    w.Field("start", g.start);
    w.Field("end", g.end);
    w.Field("sentence", g.sentence);
    w.StringArray("refs", g.refs);
    w.EndObject();
  }
  w.EndArray();
  w.Field("status", r.status);
  nullable("outcome", r.outcome);
  w.Key("evidence");
  w.BeginObject();
  for (const auto& [field, sentences] : r.evidence) {
    w.DynamicKey(field);
    w.BeginArray();
    for (uint32_t sentence : sentences) w.Uint(sentence);
    w.EndArray();
  }
  w.EndObject();
  w.Key("penalty");
  if (r.penalty) {
    w.BeginObject();
    w.Key("amount");
    w.Number(r.penalty->amount);
    w.Field("currency", r.penalty->currency);
    w.Field("start", r.penalty->start);
    w.Field("end", r.penalty->end);
    w.Field("sentence", r.penalty->sentence);
    w.EndObject();
  } else {
    w.Null();
  }
  if (nested) {  // an earlier stage: its decision's date and number
    nullable("date", r.date);
    nullable("reference", r.reference);
  }
  w.Key("related");
  w.BeginArray();
  for (const Recourse& other : r.related) WriteRecourseAt(other, w, true);
  w.EndArray();
  w.EndObject();
}

void WriteRecourse(const Recourse& r, JsonWriter& w) { WriteRecourseAt(r, w, false); }

// --sentences: what a mention's "sentence" and the recourse's "evidence" index.
void WriteSentences(const Document& doc, JsonWriter& w) {
  const std::string_view text = doc.decoded.text;
  w.Key("sentences");
  w.BeginArray();
  for (const Sentence& s : doc.segmentation.sentences) {
    w.BeginObject();
    WriteOffsets(s, w);
    w.Field("text", text.substr(s.byte_start, s.byte_end - s.byte_start));
    w.EndObject();
  }
  w.EndArray();
}


}  // namespace

Output::Output(int fd, bool owned, std::string path)
    : fd_(fd), owned_(owned), terminal_(isatty(fd) == 1), path_(std::move(path)) {}

Output::~Output() {
  Flush();
  if (owned_) close(fd_);
}

Status Output::Open(const std::string& path, std::unique_ptr<Output>* out) {
  if (path == "-") {
    out->reset(new Output(STDOUT_FILENO, false, "standard output"));
    return Status::Ok();
  }
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::Error(ExitCode::kCantCreate, "cannot_create", path + ": " + std::strerror(errno));
  }
  out->reset(new Output(fd, true, path));
  return Status::Ok();
}

Status Output::Write(std::string_view bytes) {
  if (!failed_.ok()) return failed_;
  // A record as large as the buffer goes out as it is, after what the buffer
  // holds: appended, a large document's JSON (36 MB for 20 MiB of text) was
  // copied once more, its pages faulted in again at the run's peak memory.
  if (bytes.size() >= kFlushAt) {
    if (Status s = Flush(); !s.ok()) return s;
    return WriteAll(bytes);
  }
  buffer_.append(bytes);
  return buffer_.size() >= kFlushAt ? Flush() : Status::Ok();
}

Status Output::Flush() {
  if (!failed_.ok()) return failed_;
  const Status s = WriteAll(buffer_);
  buffer_.clear();
  return s;
}

Status Output::WriteAll(std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      failed_ = errno == EPIPE ? Status::Error(ExitCode::kIoErr, "closed_pipe", path_ + ": reader went away")
                               : Status::Error(ExitCode::kIoErr, "write_error", path_ + ": " + std::strerror(errno));
      return failed_;
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

std::string Dump(const Json& j, bool pretty) {
  return j.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

void AppendDocumentJson(const Document& doc, bool pretty, std::string* out, const RecordShape& shape) {
  const std::string_view text = doc.decoded.text;
  // Dense legal text gives ~1.8 bytes of compact JSON per byte. Reserving
  // more than that up front costs no memory until written (the pages of a
  // large allocation are only mapped), whereas growing by doubling would
  // hold the old and the new buffer at once: the run's peak.
  out->reserve(out->size() + text.size() / 2 * 5 + 4096);
  JsonWriter w(out, pretty);
  w.BeginObject();
  w.Field("schema", kSchemaVersion);
  w.Key("source");
  w.BeginObject();
  w.Field("path", doc.path);
  w.Field("bytes", doc.bytes);
  w.Field("sha256", doc.sha256);
  w.Field("encoding", doc.decoded.encoding);
  w.Field("bom", doc.decoded.had_bom);
  w.Field("format", InputFormatName(doc.source.format));
  w.FieldIfSet("title", doc.source.title);
  w.FieldIfSet("lang", doc.source.lang);
  w.FieldIfSet("published", doc.source.published);
  if (!doc.source.page_starts.empty()) w.Field("pages", uint64_t{doc.source.page_starts.size()});
  if (doc.id) w.Key("id"), w.Raw(*doc.id);
  w.EndObject();
  w.Field("language", "fr");
  w.Key("stats");
  w.BeginObject();
  w.Field("sentences", uint64_t{doc.segmentation.sentences.size()});
  w.Field("tokens", uint64_t{doc.segmentation.tokens.size()});
  // The segmenter counted the code points of every 64-byte block already.
  w.Field("characters", uint64_t{CodePointOffset(text, doc.segmentation, static_cast<uint32_t>(text.size()))});
  w.Field("entities", uint64_t{doc.entities.size()});
  w.EndObject();
  w.Field("genre", GenreName(doc.structure.genre));
  OptionalField(w, "decision", doc.structure.decision, WriteDecision);
  ArrayField(w, "zones", doc.structure.zones, WriteZone);
  w.Key("entities");
  w.BeginArray();
  for (const Entity& e : doc.entities) {
    if (shape.Keeps(e.type)) WriteEntity(e, text, doc.source.page_starts, shape.mentions, w);
  }
  w.EndArray();
  OptionalField(w, "recourse", doc.recourse, WriteRecourse);
  ArrayField(w, "quotes", doc.quotes, WriteQuote);
  ArrayField(w, "diagnostics", doc.decoded.diagnostics, WriteDiagnostic);
  if (shape.sentences) WriteSentences(doc, w);
  w.EndObject();
}

void AppendErrorJson(const std::string& path, const Status& status, bool pretty, std::string* out,
                     const std::optional<std::string>& id) {
  JsonWriter w(out, pretty);
  w.BeginObject();
  w.Field("schema", kSchemaVersion);
  w.Key("source");
  w.BeginObject();
  w.Field("path", path);
  if (id) w.Key("id"), w.Raw(*id);
  w.EndObject();
  w.Key("error");
  w.BeginObject();
  w.Field("code", status.code());
  w.Field("message", status.message());
  w.EndObject();
  w.EndObject();
}

Status WriteTokens(const Document& doc, Output* out) {
  const std::string_view text = doc.decoded.text;
  std::string line;
  for (const Token& t : doc.segmentation.tokens) {
    line.clear();
    JsonWriter w(&line, false);
    w.BeginObject();
    w.Field("text", TokenText(text, t));
    w.Field("kind", TokenKindName(t.kind));
    WriteOffsets(CodePointStart(text, doc.segmentation, t), CodePointEnd(text, doc.segmentation, t), t.byte_start,
                 t.byte_end, w);
    w.Field("sentence", t.sentence);
    w.EndObject();
    line += '\n';
    if (Status s = out->Write(line); !s.ok()) return s;
  }
  return out->Flush();
}

}  // namespace lexfr
