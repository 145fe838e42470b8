#include "lexicon/snapshot.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "lexicon/lexicon.h"
#include "lexicon/snapshot_archive.h"
#include "recognise/legal_refs/scanner.h"

namespace lexfr {

// The Lexicon's tables, in the order they are loaded.
template <class A>
void SnapshotAccess::Io(A& a, Lexicon& lexicon) {
  Field(a, "abbreviations", lexicon.abbreviations_);
  Field(a, "gazetteer", lexicon.gazetteer_);
  Field(a, "names", lexicon.names_);
  Field(a, "dates", lexicon.dates_);
  Field(a, "money", lexicon.money_);
  Field(a, "references", lexicon.references_);
  Field(a, "institutions", lexicon.institutions_);
  a.Enter("legal");
  if constexpr (A::kReading) {
    legal_refs::Tables tables;
    Io(a, tables);
    lexicon.legal_ = legal_refs::LegalTablesOf(std::move(tables));
  } else {
    Io(a, const_cast<legal_refs::Tables&>(legal_refs::TablesOf(*lexicon.legal_)));  // the writer only reads it
  }
  a.Leave();
  Field(a, "recourse_cues", lexicon.recourse_cues_);
  Field(a, "speech_verbs", lexicon.speech_verbs_);
  Field(a, "structure_cues", lexicon.structure_cues_);
  Field(a, "party_cues", lexicon.party_cues_);
  Field(a, "act_cues", lexicon.act_cues_);
  Field(a, "counsel_cues", lexicon.counsel_cues_);
  // in CueFile order; the counsel index's entries are all of the last
  const std::array<const CueSet*, kCueFileCount> sets = {&lexicon.recourse_cues_, &lexicon.speech_verbs_,
                                                         &lexicon.structure_cues_, &lexicon.party_cues_,
                                                         &lexicon.act_cues_,       &lexicon.counsel_cues_};
  a.Enter("cue_index");
  Io(a, lexicon.cue_index_, sets);
  a.Leave();
  a.Enter("counsel_index");
  Io(a, lexicon.counsel_index_, sets);
  a.Leave();
  Field(a, "vocabulary", lexicon.vocabulary_);
  // The words copied whole, their money roles (pointers into money_.roles)
  // written apart as the word each points at.
  a.Enter("words");
  std::vector<WordInfo>& words = lexicon.words_;
  if constexpr (A::kReading) {
    PlainVector(a, words);  // every money pointer null: set below
    size_t money = 0;
    a.Count(&money, sizeof(uint32_t) + 4);
    for (size_t i = 0; i < money && !a.failed(); ++i) {
      uint32_t id = 0;
      std::string word;
      Io(a, id);
      Io(a, word);
      const auto it = lexicon.money_.roles.find(word);
      if (id >= words.size() || it == lexicon.money_.roles.end()) return a.Fail();
      words[id].money = &it->second;
    }
  } else {
    // A word's roles are the money roles of that same word (lexicon/words.cpp BuildVocabulary).
    std::vector<WordInfo> plain = words;
    std::vector<std::pair<uint32_t, std::string>> money;
    for (const auto& [word, id] : lexicon.vocabulary_.ids) {
      if (id >= words.size() || words[id].money == nullptr) continue;
      const auto it = lexicon.money_.roles.find(word);
      if (it == lexicon.money_.roles.end() || &it->second != words[id].money) a.Fail();
      money.emplace_back(id, word);
      plain[id].money = nullptr;
    }
    for (const WordInfo& w : plain) {
      if (w.money != nullptr) a.Fail();  // a word the vocabulary does not hold
    }
    std::sort(money.begin(), money.end());
    PlainVector(a, plain);
    Io(a, money);
  }
  a.Leave();
  Field(a, "scan_bits", lexicon.scan_bits_);
}

namespace {

constexpr char kMagic[8] = {'L', 'E', 'X', 'F', 'R', 'S', 'N', 'P'};

// 64 bits over the payload, four words at a time (every start-up reads the
// whole snapshot through it: cheap, and any one word changed changes it, as
// each step is a bijection of its lane).
uint64_t Checksum(std::string_view bytes) {
  uint64_t lanes[4] = {0x243f6a8885a308d3u, 0x13198a2e03707344u, 0xa4093822299f31d0u, 0x082efa98ec4e6c89u};
  constexpr uint64_t kOdd = 0x9e3779b97f4a7c15u;
  size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, bytes.data() + i + 8 * k, 8);
      lanes[k] = (lanes[k] ^ w) * kOdd;
    }
  }
  uint64_t h = bytes.size() * kOdd;
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<uint8_t>(bytes[i])) * kOdd;
  for (const uint64_t lane : lanes) h = (h ^ lane ^ (lane >> 29)) * kOdd;
  return h ^ (h >> 32);
}

struct Header {
  uint32_t version = 0, layout = 0;
  std::string files_digest;
  uint64_t payload_size = 0, checksum = 0;
};

std::string HeaderBytes(const Header& h) {
  std::string out(kMagic, sizeof kMagic);
  const auto put = [&out](const auto& value) { out.append(reinterpret_cast<const char*>(&value), sizeof value); };
  put(h.version);
  put(h.layout);
  put(static_cast<uint32_t>(h.files_digest.size()));
  out += h.files_digest;
  put(h.payload_size);
  put(h.checksum);
  return out;
}

// The header of `snapshot`, and its payload after it; false when it has no
// whole header.
bool ParseHeader(std::string_view snapshot, Header* h, std::string_view* payload) {
  if (snapshot.size() < sizeof kMagic || std::memcmp(snapshot.data(), kMagic, sizeof kMagic) != 0) return false;
  size_t at = sizeof kMagic;
  const auto get = [&](auto* value) {
    if (snapshot.size() - at < sizeof *value) return false;
    std::memcpy(value, snapshot.data() + at, sizeof *value);
    at += sizeof *value;
    return true;
  };
  uint32_t digest_size = 0;
  if (!get(&h->version) || !get(&h->layout) || !get(&digest_size) || snapshot.size() - at < digest_size) return false;
  h->files_digest.assign(snapshot.data() + at, digest_size);
  at += digest_size;
  if (!get(&h->payload_size) || !get(&h->checksum)) return false;
  *payload = snapshot.substr(at);
  return true;
}

Status Refused(const std::string& why) {
  return Status::Error(ExitCode::kConfig, "bad_data", "the lexicon snapshot is refused: " + why);
}

std::string Written(SnapshotWriter& writer, const Lexicon& lexicon, std::string_view files_digest) {
  SnapshotAccess::Io(writer, const_cast<Lexicon&>(lexicon));  // the writer only reads it
  Header h;
  h.version = kSnapshotVersion;
  h.layout = SnapshotAccess::Layout();
  h.files_digest = std::string(files_digest);
  h.payload_size = writer.bytes().size();
  h.checksum = Checksum(writer.bytes());
  return HeaderBytes(h);
}

}  // namespace

std::string WriteLexiconSnapshot(const Lexicon& lexicon, std::string_view files_digest) {
  SnapshotWriter writer;
  return Written(writer, lexicon, files_digest) + writer.bytes();
}

std::map<std::string, std::pair<size_t, size_t>> LexiconSnapshotFields(const Lexicon& lexicon,
                                                                        std::string_view files_digest) {
  SnapshotWriter writer(/*record_fields=*/true);
  const size_t header = Written(writer, lexicon, files_digest).size();
  std::map<std::string, std::pair<size_t, size_t>> fields = writer.FieldOffsets();
  for (auto& [path, where] : fields) where.first += header;
  return fields;
}

std::string WithMendedChecksum(std::string snapshot) {
  Header h;
  std::string_view payload;
  if (!ParseHeader(snapshot, &h, &payload)) return snapshot;
  h.checksum = Checksum(payload);
  return HeaderBytes(h) + std::string(payload);
}

Status CheckLexiconSnapshot(std::string_view snapshot, std::string_view files_digest) {
  Header h;
  std::string_view payload;
  if (!ParseHeader(snapshot, &h, &payload)) return Refused("no header");
  if (h.version != kSnapshotVersion) {
    return Refused("format " + std::to_string(h.version) + ", not " + std::to_string(kSnapshotVersion));
  }
  if (h.layout != SnapshotAccess::Layout()) return Refused("written by a build whose tables differ");
  if (h.files_digest != files_digest) return Refused("made from other data files (stale)");
  if (h.payload_size != payload.size()) {
    return Refused(std::to_string(payload.size()) + " bytes, not " + std::to_string(h.payload_size) + " (truncated)");
  }
  if (h.checksum != Checksum(payload)) return Refused("its checksum does not match (damaged)");
  return Status::Ok();
}

Status ReadLexiconSnapshot(std::string_view snapshot, std::string_view files_digest, Lexicon* out) {
  if (Status s = CheckLexiconSnapshot(snapshot, files_digest); !s.ok()) return s;
  Header h;
  std::string_view payload;
  ParseHeader(snapshot, &h, &payload);
  SnapshotReader reader(payload);
  SnapshotAccess::Io(reader, *out);
  if (reader.failed() || !reader.AtEnd()) {
    return Status::Error(ExitCode::kSoftware, "internal_error",
                         "the lexicon snapshot matches its checksum but does not read back: a bug of lexicon/snapshot.cpp");
  }
  return Status::Ok();
}

}  // namespace lexfr
