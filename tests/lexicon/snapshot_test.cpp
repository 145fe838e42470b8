// The Lexicon's snapshot (lexicon/snapshot.h) is what start-up loads: the
// tables it copies back must be the ones the data files make, DumpLexicon
// must show every field it holds (else the first test could not fail), and
// a stale, truncated or damaged snapshot must be refused, the files then
// read instead.
#include "lexicon/snapshot.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "lexicon/analysed_json.h"
#include "lexicon/lexicon_dump.h"
#include "test_support.h"

namespace lexfr {
namespace {

// The embedded files loaded the way the snapshot is not: every row read and checked.
void LoadFromFiles(Lexicon* out) {
  LoadOptions options;
  options.snapshot = {};
  REQUIRE(LoadLexicon(EmbeddedFiles(), {}, out, options).ok());
}

const std::string& DumpFromFiles() {
  static const std::string dump = [] {
    Lexicon lexicon;
    LoadFromFiles(&lexicon);
    return DumpLexicon(lexicon);
  }();
  return dump;
}

std::string DumpOfEmpty() {
  const Lexicon empty;
  return DumpLexicon(empty);
}

}  // namespace

TEST_CASE("the embedded snapshot holds the lexicon the data files make", "[lexicon][snapshot]") {
  REQUIRE(!BuiltSnapshot().empty());
  Resources from_snapshot, from_files;
  REQUIRE(ReadLexiconSnapshot(BuiltSnapshot(), EmbeddedFilesDigest(), &from_snapshot.lexicon).ok());
  LoadFromFiles(&from_files.lexicon);
  const std::string dump = DumpLexicon(from_snapshot.lexicon);
  CHECK(dump.size() > 100000);
  CHECK(dump == DumpFromFiles());
  // The vocabulary's slots are placed again on reading (text/word_ids.h),
  // which the dump does not show: every word is found with its id.
  const Vocabulary& vocabulary = from_snapshot.lexicon.vocabulary();
  CHECK(vocabulary.ids.size() > 1000);
  size_t found = 0;
  for (const auto& [word, id] : vocabulary.ids) {
    const uint32_t* found_id = vocabulary.ids.Find(word);
    found += found_id != nullptr && *found_id == id;
  }
  CHECK(found == vocabulary.ids.size());
  // The default load is the snapshot's.
  Lexicon by_default;
  REQUIRE(LoadLexicon(EmbeddedFiles(), {}, &by_default).ok());
  CHECK(DumpLexicon(by_default) == dump);
  const char* probes[] = {
      "Par une décision du 12 mars 2024, le Conseil d'État a annulé l'arrêté du préfet de police. La requérante, "
      "l'association Droit au logement, invoquait l'article 8 de la Convention européenne des droits de l'homme "
      "et le règlement (UE) 2016/679.",
      "La Commission nationale de l'informatique et des libertés (CNIL) a prononcé une amende de 1,5 million "
      "d'euros et 300 000 dollars canadiens contre la société Orange SA, a-t-elle annoncé lundi dernier à Paris. "
      "« Nous ferons appel », a déclaré son avocat, Me Dupont, du cabinet Dupont & Associés.",
      "Le tribunal administratif de Lille, par un jugement n° 2101234 du 3 juin 2021, a rejeté la demande de la "
      "commune de Roubaix tendant à l'annulation de la délibération de la CNIL n° 2020-091.",
  };
  for (const char* probe : probes) {
    INFO(probe);
    CHECK(AnalysedJson(probe, from_snapshot) == AnalysedJson(probe, from_files));
  }
}

// Every field written: its first value altered (its checksum mended, so that
// the reader reads it) must change the dump or fail the read. A field the
// dump does not show could differ between the snapshot and the files
// unseen.
TEST_CASE("the dump shows every field the snapshot holds", "[lexicon][snapshot]") {
  Lexicon lexicon;
  LoadFromFiles(&lexicon);
  const std::string snapshot = WriteLexiconSnapshot(lexicon, EmbeddedFilesDigest());
  const auto fields = LexiconSnapshotFields(lexicon, EmbeddedFilesDigest());
  CHECK(fields.size() > 100);
  std::vector<std::string> unseen;
  for (const auto& [path, where] : fields) {
    std::string altered = snapshot;
    REQUIRE(where.first < altered.size());
    altered[where.first] = static_cast<char>(altered[where.first] ^ 0x01);
    altered = WithMendedChecksum(std::move(altered));
    Lexicon read;
    const Status s = ReadLexiconSnapshot(altered, EmbeddedFilesDigest(), &read);
    if (s.ok() && DumpLexicon(read) == DumpFromFiles()) unseen.push_back(path);
  }
  std::string listed;
  for (const std::string& path : unseen) listed += " " + path;
  INFO("fields the dump does not show:" << listed);
  CHECK(unseen.empty());
}

TEST_CASE("a stale, truncated or damaged snapshot is refused", "[lexicon][snapshot]") {
  const std::string snapshot(BuiltSnapshot());
  const std::string empty_dump = DumpOfEmpty();
  const auto refused = [&](const std::string& bytes, std::string_view digest, const char* why) {
    INFO(why);
    Lexicon out;
    const Status s = ReadLexiconSnapshot(bytes, digest, &out);
    CHECK(s.code() == "bad_data");
    CHECK(s.message().find(why) != std::string::npos);
    CHECK(!CheckLexiconSnapshot(bytes, digest).ok());
    CHECK(DumpLexicon(out) == empty_dump);  // untouched
  };
  refused(snapshot, "another digest", "stale");
  refused(snapshot.substr(0, snapshot.size() - 1), EmbeddedFilesDigest(), "truncated");
  refused(snapshot + "x", EmbeddedFilesDigest(), "truncated");
  std::string damaged = snapshot;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x40);
  refused(damaged, EmbeddedFilesDigest(), "damaged");
  std::string newer = snapshot;
  newer[8] = static_cast<char>(newer[8] + 1);  // the version, after the magic
  refused(newer, EmbeddedFilesDigest(), "format");
  refused("", EmbeddedFilesDigest(), "no header");
  refused(snapshot.substr(0, 20), EmbeddedFilesDigest(), "no header");
}

TEST_CASE("a refused snapshot is passed over: the data files are read", "[lexicon][snapshot]") {
  LoadOptions options;
  const std::string truncated(BuiltSnapshot().substr(0, BuiltSnapshot().size() / 2));
  options.snapshot = truncated;
  Lexicon lexicon;
  REQUIRE(LoadLexicon(EmbeddedFiles(), {}, &lexicon, options).ok());
  CHECK(DumpLexicon(lexicon) == DumpFromFiles());
}

}  // namespace lexfr
