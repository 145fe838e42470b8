#include "lexicon/institutions.h"

#include <algorithm>

#include "text/text_util.h"

namespace lexfr {
namespace {

// The kinds of act an authority's numbers are keyed by (CONTRACT.md:
// DELIB:CNIL:SAN-2022-001, DECISION:ADLC:20-MC-01).
constexpr std::string_view kAuthorityActPrefixes[] = {"DELIB", "DECISION"};

std::vector<std::string> ListCell(std::string_view cell) {
  std::vector<std::string> items;
  for (std::string_view item : Split(cell, '|')) {
    if (!Trim(item).empty()) items.emplace_back(Trim(item));
  }
  return items;
}

// A court's name that can start another court's name: written out in
// words, not an abbreviation (« CE », « Cass. civ. »).
bool IsFullCourtName(std::string_view name) {
  return name.find(' ') != std::string_view::npos && name.find('.') == std::string_view::npos;
}

}  // namespace

Status Institutions::Build(std::string_view file, const std::vector<DataRow>& rows, const Gazetteer& gazetteer) {
  // key  role  organisation  names  numbers  ecli  notes
  for (const DataRow& row : rows) {
    Institution in;
    in.key = std::string(row[0]);
    in.court = row[1] == "court";
    if (row[2] != "-") in.organisation = std::string(row[2]);
    in.names = ListCell(row[3]);
    const size_t own_names = in.names.size();
    in.numbers = ListCell(row[4]);
    in.ecli = ListCell(row[5]);
    if (!in.organisation.empty()) {
      const GazetteerEntry* org = gazetteer.Find(in.organisation);
      if (org == nullptr || org->type != EntityType::kOrg) {
        return RowError(file, row.line,
                        "organisation \"" + in.organisation +
                            "\" is not a canonical name of data/gazetteers/organisations.tsv (or \"-\" for a kind "
                            "of court)");
      }
      // its organisation's names are references' names too
      in.names.push_back(org->canonical);
      for (const std::string& alias : org->aliases) in.names.push_back(alias);
    }
    if (in.organisation.empty() && !in.court) {
      return RowError(file, row.line, "an authority is one organisation: \"-\" is for a kind of court");
    }
    if (in.names.empty()) return RowError(file, row.line, "a kind of court (organisation \"-\") needs names");
    if (in.court) {
      for (size_t n = 0; n < in.names.size(); ++n) {
        // its own forms and its organisation's canonical, not the aliases
        const bool own = n <= own_names;
        if (own && IsFullCourtName(in.names[n])) court_names_.push_back({Fold(in.names[n]), in.key});
      }
    }
    all_.push_back(std::move(in));
  }
  return Status::Ok();
}

const Institution* Institutions::OfKey(std::string_view key) const {
  for (const Institution& in : all_) {
    if (in.key == key) return &in;
  }
  return nullptr;
}

const Institution* Institutions::OfDecisionKey(std::string_view key) const {
  const Institution* best = nullptr;
  size_t best_len = 0;
  const auto consider = [&](const Institution& in, const std::string& prefix) {
    if (key.size() > prefix.size() && key.starts_with(prefix) && key[prefix.size()] == ':' &&
        prefix.size() > best_len) {
      best = &in;
      best_len = prefix.size();
    }
  };
  for (const Institution& in : all_) {
    if (in.organisation.empty()) continue;
    if (in.court) {
      consider(in, in.key);
    } else {
      for (std::string_view act : kAuthorityActPrefixes) consider(in, std::string(act) + ":" + in.key);
    }
  }
  return best;
}

bool Institutions::IsDecisionKey(std::string_view key) const {
  const std::string_view prefix = key.substr(0, key.find(':'));
  const bool act_of_authority = std::find(std::begin(kAuthorityActPrefixes), std::end(kAuthorityActPrefixes),
                                          prefix) != std::end(kAuthorityActPrefixes);
  return std::any_of(all_.begin(), all_.end(), [&](const Institution& in) {
    return in.court ? in.key == prefix : act_of_authority;
  });
}

std::string Institutions::KeyOfCourt(std::string_view court_name) const {
  const std::string folded = Fold(court_name);
  for (const CourtName& c : court_names_) {
    if (folded.starts_with(c.folded) && (folded.size() == c.folded.size() || folded[c.folded.size()] == ' ')) {
      return c.key;
    }
  }
  return {};
}

void Institutions::Dump(std::string* out) const {
  for (const CourtName& c : court_names_) *out += "court_name " + c.folded + " " + c.key + "\n";
}

}  // namespace lexfr
