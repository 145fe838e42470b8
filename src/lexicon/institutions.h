// Institutions: the courts and authorities whose decisions lexfr keys.
//
// In: the checked rows of data/cues/institutions.tsv (one row per court,
// kind of court or authority: its key, role, the organisation it is in
// data/gazetteers/organisations.tsv, the names references give it beyond
// that organisation's own, the shapes of its numbers, its ECLI code) and
// the gazetteer, whose row gives the organisation's names.
// Out: the questions the recognisers and the structure ask of a key or a
// court: which court decides « CE:444937 » or « DELIB:CNIL:SAN-2022-001 »,
// what prefix the numbers of « tribunal administratif de Lille » take.
//
// Built once by the Lexicon; read-only afterwards, shared between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lexicon/gazetteer.h"
#include "lexicon/table.h"

namespace lexfr {

struct SnapshotAccess;

struct Institution {
  std::string key;                   // "CE", "TA", "CNIL", "ADLC"
  bool court = false;                // else an authority
  std::string organisation;          // its ORG canonical; empty for a kind of court (TA: every tribunal administratif)
  std::vector<std::string> names;    // how references name it: its own forms, then its organisation's names
  std::vector<std::string> numbers;  // shapes of its numbers: # digit, @ capital, * anything
  std::vector<std::string> ecli;     // ECLI court codes
};

class Institutions {
 public:
  // `rows` as the columns of institutions.tsv (key, role, organisation,
  // names, numbers, ecli, notes); an organisation the gazetteer does not
  // list is an error naming the row.
  Status Build(std::string_view file, const std::vector<DataRow>& rows, const Gazetteer& gazetteer);

  const std::vector<Institution>& all() const { return all_; }
  // The institution of that key ("CJEU", "CNIL"), or nullptr.
  const Institution* OfKey(std::string_view key) const;

  // The institution whose decisions carry `key` ("CE:444937" -> the Conseil
  // d'État; "DELIB:CNIL:SAN-2022-001" -> the CNIL), when its key prefix
  // names one institution; else nullptr. A court's numbers are keyed
  // "<court key>:…", an authority's acts "DELIB:<key>:…" and
  // "DECISION:<key>:…".
  const Institution* OfDecisionKey(std::string_view key) const;
  // Whether `key` is a decision's number (its prefix is a court's key, or
  // an authority's act kind: DELIB, DECISION).
  bool IsDecisionKey(std::string_view key) const;
  // The key prefix of a court's numbers from the start of its name
  // (« tribunal administratif de Lille » -> "TA"); empty when none.
  std::string KeyOfCourt(std::string_view court_name) const;
  // The court names by which KeyOfCourt answers, as text (lexicon/lexicon_dump.h).
  void Dump(std::string* out) const;

 private:
  friend struct SnapshotAccess;  // lexicon/snapshot_archive.h: writes and reads the tables
  std::vector<Institution> all_;
  struct CourtName {
    std::string folded;  // « tribunal administratif »
    std::string key;     // "TA"
  };
  std::vector<CourtName> court_names_;  // in file order: the first that starts a name wins
};

}  // namespace lexfr
