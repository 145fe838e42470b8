#include "lexfr/writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "lexfr/text_util.h"

namespace lexfr {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kFlushAt = 1 << 16;

void PutIfSet(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

Json NullIfEmpty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json EntityToJson(const Entity& e, std::string_view text) {
  Json j;
  j["type"] = EntityTypeName(e.type);
  j["canonical"] = e.canonical;
  const EntityFields& f = e.fields;
  switch (e.type) {
    case EntityType::kOrg:
    case EntityType::kLoc: PutIfSet(j, "subtype", f.subtype); break;
    case EntityType::kPerson:
      PutIfSet(j, "title", f.title);
      PutIfSet(j, "role", f.role);
      break;
    case EntityType::kLegalRef:
      j["instrument"] = f.instrument;
      j["article"] = NullIfEmpty(f.article);
      PutIfSet(j, "url", f.url);
      break;
    case EntityType::kDate:
      j["value"] = f.value;
      j["precision"] = f.precision;
      break;
    case EntityType::kMoney:
      j["amount"] = f.amount;
      j["currency"] = f.currency;
      break;
  }
  j["aliases"] = e.aliases;
  Json mentions = Json::array();
  for (const Mention& m : e.mentions) {
    mentions.push_back({{"text", text.substr(m.byte_start, m.byte_end - m.byte_start)},
                        {"start", m.start},
                        {"end", m.end},
                        {"byte_start", m.byte_start},
                        {"byte_end", m.byte_end},
                        {"sentence", m.sentence}});
  }
  j["mentions"] = std::move(mentions);
  return j;
}

Json QuoteToJson(const Quote& q) {
  return {{"text", q.text},           {"start", q.start},       {"end", q.end},
          {"byte_start", q.byte_start}, {"byte_end", q.byte_end}, {"sentence", q.sentence},
          {"speaker", NullIfEmpty(q.speaker)}, {"speaker_type", NullIfEmpty(q.speaker_type)}};
}

class JsonSink : public Sink {
 public:
  JsonSink(Output* out, bool pretty) : out_(out), pretty_(pretty) {}
  Status Add(const Document& doc) override { return Emit(DocumentToJson(doc)); }
  Status AddError(const std::string& path, const Status& error) override { return Emit(ErrorToJson(path, error)); }
  Status Finish() override { return out_->Flush(); }

 private:
  Status Emit(const Json& j) {
    Status s = out_->Write(Dump(j, pretty_));
    if (s.ok()) s = out_->Write("\n");
    return s;
  }
  Output* out_;
  bool pretty_;
};

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
  buffer_.append(bytes);
  return buffer_.size() >= kFlushAt ? Flush() : Status::Ok();
}

Status Output::Flush() {
  if (!failed_.ok()) return failed_;
  size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      failed_ = errno == EPIPE ? Status::Error(ExitCode::kIoErr, "closed_pipe", path_ + ": reader went away")
                               : Status::Error(ExitCode::kIoErr, "write_error", path_ + ": " + std::strerror(errno));
      buffer_.clear();
      return failed_;
    }
    done += static_cast<size_t>(n);
  }
  buffer_.clear();
  return Status::Ok();
}

std::string Dump(const Json& j, bool pretty) {
  return j.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

Json RecourseToJson(const Recourse& r) {
  Json j;
  j["kind"] = r.kind;
  j["court"] = NullIfEmpty(r.court);
  j["claimants"] = r.claimants;
  j["respondents"] = r.respondents;
  Json counsel = Json::array();
  for (const Counsel& c : r.counsel) counsel.push_back({{"name", NullIfEmpty(c.name)}, {"firm", NullIfEmpty(c.firm)}});
  j["counsel"] = std::move(counsel);
  if (r.challenged_act) {
    const ChallengedAct& a = *r.challenged_act;
    j["challenged_act"] = {{"type", NullIfEmpty(a.type)},
                           {"author", NullIfEmpty(a.author)},
                           {"date", NullIfEmpty(a.date)},
                           {"published", NullIfEmpty(a.published)},
                           {"reference", NullIfEmpty(a.reference)}};
  } else {
    j["challenged_act"] = nullptr;
  }
  Json grounds = Json::array();
  for (const Ground& g : r.grounds) {
    grounds.push_back({{"category", g.category},
                       {"text", g.text},
                       {"start", g.start},
                       {"end", g.end},
                       {"sentence", g.sentence},
                       {"refs", g.refs}});
  }
  j["grounds"] = std::move(grounds);
  j["status"] = r.status;
  j["outcome"] = NullIfEmpty(r.outcome);
  Json evidence = Json::object();
  for (const auto& [field, sentences] : r.evidence) evidence[field] = sentences;
  j["evidence"] = std::move(evidence);
  Json related = Json::array();
  for (const Recourse& other : r.related) related.push_back(RecourseToJson(other));
  j["related"] = std::move(related);
  return j;
}

Json DocumentToJson(const Document& doc) {
  const std::string_view text = doc.decoded.text;
  Json j;
  j["schema"] = kSchemaVersion;
  j["source"] = {{"path", doc.path},
                 {"bytes", doc.bytes},
                 {"sha256", doc.sha256},
                 {"encoding", doc.decoded.encoding},
                 {"bom", doc.decoded.had_bom}};
  if (doc.id) j["source"]["id"] = Json::parse(*doc.id);
  j["language"] = "fr";
  j["stats"] = {{"sentences", doc.segmentation.sentences.size()},
                {"tokens", doc.segmentation.tokens.size()},
                {"characters", CountCodePoints(text)},
                {"entities", doc.entities.size()}};
  Json entities = Json::array();
  for (const Entity& e : doc.entities) entities.push_back(EntityToJson(e, text));
  j["entities"] = std::move(entities);
  j["recourse"] = doc.recourse ? RecourseToJson(*doc.recourse) : Json(nullptr);
  Json quotes = Json::array();
  for (const Quote& q : doc.quotes) quotes.push_back(QuoteToJson(q));
  j["quotes"] = std::move(quotes);
  Json diagnostics = Json::array();
  for (const Diagnostic& d : doc.diagnostics) diagnostics.push_back({{"code", d.code}, {"message", d.message}});
  j["diagnostics"] = std::move(diagnostics);
  return j;
}

Json ErrorToJson(const std::string& path, const Status& status, const std::optional<std::string>& id) {
  Json source = {{"path", path}};
  if (id) source["id"] = Json::parse(*id);
  return {{"schema", kSchemaVersion},
          {"source", std::move(source)},
          {"error", {{"code", status.code()}, {"message", status.message()}}}};
}

std::unique_ptr<Sink> MakeJsonSink(Output* out, bool pretty) { return std::make_unique<JsonSink>(out, pretty); }

Status WriteTokens(const Document& doc, Output* out) {
  const std::string_view text = doc.decoded.text;
  for (const Token& t : doc.segmentation.tokens) {
    const Json j = {{"text", TokenText(text, t)}, {"kind", TokenKindName(t.kind)}, {"start", t.start},
                    {"end", t.end},               {"byte_start", t.byte_start},     {"byte_end", t.byte_end},
                    {"sentence", t.sentence}};
    Status s = out->Write(Dump(j, false));
    if (s.ok()) s = out->Write("\n");
    if (!s.ok()) return s;
  }
  return out->Flush();
}

}  // namespace lexfr
