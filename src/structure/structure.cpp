// Genre and a decision's identity (structure/structure.h).
#include "structure/structure.h"

#include <algorithm>
#include <array>
#include <map>
#include <span>

#include "recognise/legal_refs/identifiers.h"
#include "text/text_util.h"

namespace lexfr {

namespace {

constexpr std::array<const char*, 7> kGenreNames = {"decision", "regulator_decision", "filing", "press_release",
                                                   "news",     "commentary",         "other"};

// A cue in the first sentences says what the text is: it counts twice.
constexpr uint32_t kHeadSentences = 6;
// Below this sum of weights no genre is told by cues, and the text is news
// (the stream lexfr reads is mostly press articles about legal actions).
constexpr int kGenreThreshold = 4;
// Without a body cue, a decision's header is at most its first lines.
constexpr uint32_t kHeaderTokensWithoutBody = 120;
// A footer (« Rendu le … », page furniture): the last tokens of the text.
constexpr uint32_t kFooterTokens = 200;

std::optional<Genre> GenreOf(std::string_view name) {
  for (size_t i = 0; i < kGenreNames.size(); ++i) {
    if (name == kGenreNames[i]) return static_cast<Genre>(i);
  }
  return std::nullopt;
}

// The lines of a text, by the tokens that start them: a token's line is a
// binary search, not a per-token table (issue 21: this stage's per-token
// tables were the peak of a run's memory).
class Lines {
 public:
  explicit Lines(const Segmentation& seg) {
    for (size_t i = 0; i < seg.tokens.size(); ++i) {
      if (i == 0 || seg.tokens[i].newline_before) starts_.push_back(static_cast<uint32_t>(i));
    }
  }
  // The line of token i, 0-based; i < the token count.
  uint32_t Of(size_t i) const {
    return static_cast<uint32_t>(std::upper_bound(starts_.begin(), starts_.end(), i) - starts_.begin() - 1);
  }
  size_t size() const { return starts_.size(); }

 private:
  std::vector<uint32_t> starts_;
};

// The cue hits of one text, by field, and the lines its tokens are on.
struct Hits {
  const CueHitsByField& by_field;
  Lines lines;
  std::span<const CueHit* const> Of(std::string_view field) const { return by_field.Of(field); }
};

// Whether token `i` starts a line (the first token does).
bool StartsLine(const Segmentation& seg, size_t i) { return i == 0 || seg.tokens[i].newline_before; }
bool EndsLine(const Segmentation& seg, size_t end) {
  return end >= seg.tokens.size() || seg.tokens[end].newline_before;
}

// A court's verb in the present tense a few words after a court's word in
// the first two sentences: the court telling of its own decision. Hits come
// in text order: each verb looks at the last court word before it.
bool CourtTellsItsDecision(const Hits& hits) {
  const std::span<const CueHit* const> courts = hits.Of("court_word");
  size_t next_court = 0;
  const CueHit* last_court = nullptr;
  for (const CueHit* verb : hits.Of("ruling_verb")) {
    if (verb->sentence > 1) break;
    while (next_court < courts.size() && courts[next_court]->end_token <= verb->first_token) {
      last_court = courts[next_court++];
    }
    if (last_court && last_court->sentence == verb->sentence && verb->first_token - last_court->end_token <= 8) {
      return true;
    }
  }
  return false;
}

// A ruling told in the passive voice in the text's first two sentences with
// no court named there (« Les requêtes de M. X ont été rejetées par
// ordonnances »): the court speaking of itself, a news item of its own. A
// press article names the court (« … par le tribunal administratif de Y »).
bool UnnamedCourtRuled(const std::vector<Entity>& entities, const Hits& hits) {
  std::array<bool, 2> court_named{};
  for (const Entity& e : entities) {
    if (e.type != EntityType::kOrg || e.fields.subtype() != "court") continue;
    for (const Mention& m : e.mentions) {
      if (m.sentence < court_named.size()) court_named[m.sentence] = true;
    }
  }
  for (const CueHit* h : hits.Of("ruling_passive")) {
    if (h->sentence >= court_named.size()) break;
    if (!court_named[h->sentence]) return true;
  }
  return false;
}

Genre ReadGenre(const Segmentation& seg, const std::vector<Entity>& entities, const Hits& hits) {
  std::array<int, kGenreNames.size()> score{};
  for (const CueHit* h : hits.Of("genre")) {
    const std::optional<Genre> g = GenreOf(h->cue->value);
    if (g) score[static_cast<size_t>(*g)] += h->cue->weight * (h->sentence < kHeadSentences ? 2 : 1);
  }
  // A date alone on one of the first three lines, under a title: an
  // institution's news item (« La CNIL lance … » / « 21 mars 2023 »).
  for (const Entity& e : entities) {
    if (e.type != EntityType::kDate) continue;
    const Mention& m = e.mentions.front();
    if (StartsLine(seg, m.first_token) && EndsLine(seg, m.end_token) && hits.lines.Of(m.first_token) <= 2 &&
        m.first_token > 0) {
      score[static_cast<size_t>(Genre::kPressRelease)] += 4;
    }
  }
  if (CourtTellsItsDecision(hits) || UnnamedCourtRuled(entities, hits)) {
    score[static_cast<size_t>(Genre::kPressRelease)] += 5;
  }
  const auto best = std::max_element(score.begin(), score.end());
  if (*best < kGenreThreshold) return Genre::kNews;
  return static_cast<Genre>(best - score.begin());
}

// --- a decision's identity ------------------------------------------------

// The tokens [0, end) of the decision's header: up to its first body cue, or
// its first lines when it has none.
uint32_t HeaderEnd(const Segmentation& seg, const Hits& hits) {
  const std::span<const CueHit* const> body = hits.Of("body");
  if (!body.empty()) return body.front()->first_token;
  return std::min<uint32_t>(kHeaderTokensWithoutBody, static_cast<uint32_t>(seg.tokens.size()));
}

// How many digits a court's numbers have when its PDFs print them as page
// furniture (the weight of its footer_digits row), or 0.
size_t FooterDigits(std::string_view court_key, const CueSet& cues) {
  for (const Cue& cue : cues.cues()) {
    if (cue.field == "footer_digits" && cue.value == court_key) return static_cast<size_t>(cue.weight);
  }
  return 0;
}

// Whether `e` can render a decision of `genre`: a court a court's decision,
// an authority a regulator's (the parties of a case before the Court of
// Justice may be authorities: « Data Protection Commissioner / Facebook »).
bool CanDecide(const Entity& e, Genre genre) {
  if (e.type != EntityType::kOrg) return false;
  return e.fields.subtype() == (genre == Genre::kRegulatorDecision ? "regulator" : "court");
}

std::string_view Surface(std::string_view text, const Segmentation& seg, uint32_t first, uint32_t end) {
  return text.substr(seg.tokens[first].byte_start, seg.tokens[end - 1].byte_end - seg.tokens[first].byte_start);
}

// A Cour de cassation number as its header writes it: « Pourvoi n° K
// 23-15.672 », « N° P 24-83.069 F-B »: the digits of "NN-NN.NNN" in the
// header's text, whatever the letter before.
void FindPourvoiNumbers(std::string_view header, std::vector<std::string>* out) {
  for (size_t i = 0; i + 9 <= header.size(); ++i) {
    const std::string_view s = header.substr(i, 9);
    const bool shape = legal_refs::MatchesShape(s, "##-##.###");  // institutions.tsv's CASS shape
    const bool bounded = (i == 0 || !std::isdigit(static_cast<unsigned char>(header[i - 1]))) &&
                         (i + 9 == header.size() || !std::isdigit(static_cast<unsigned char>(header[i + 9])));
    if (shape && bounded) out->push_back("CASS:" + std::string(s));
  }
}

// A general register number: « RÉPERTOIRE GÉNÉRAL : 2024 006456 », « RG
// n° 21/01234 »: the digits (and /) after the cue, spaces dropped.
std::string RegisterNumber(std::string_view text, const Segmentation& seg, uint32_t from, uint32_t end) {
  std::string number;
  for (uint32_t k = from; k < end && k < from + 6; ++k) {
    const std::string_view t = TokenText(text, seg.tokens[k]);
    if (IsAsciiDigits(t) || t == "/") {
      number += t;
    } else if (!number.empty() || StartsLine(seg, k)) {
      break;
    }
  }
  return number.size() >= 5 ? number : std::string();
}

// The page furniture a PDF leaves at the end of a decision: its number and
// the page, on a line of their own (« 431980- 5 - ») or glued to the last
// signature (« Signé : Mme E G433212- 5 - », « Roger-Lacan4582654 »: the
// number, then page 4). The digits ending a token of the last lines: the
// first `digits` of them.
std::string FooterNumber(std::string_view text, const Segmentation& seg, const Lines& lines, size_t digits) {
  const size_t n = seg.tokens.size();
  if (n == 0) return {};
  const uint32_t last_line = lines.Of(n - 1);
  for (size_t i = n > kFooterTokens ? n - kFooterTokens : 0; i < n; ++i) {
    if (lines.Of(i) + 3 < last_line) continue;
    const std::string_view t = TokenText(text, seg.tokens[i]);
    size_t start = t.size();
    while (start > 0 && std::isdigit(static_cast<unsigned char>(t[start - 1]))) --start;
    const size_t run = t.size() - start;
    // the number and a page of at most two digits
    if (run >= digits && run <= digits + 2) return std::string(t.substr(start, digits));
  }
  return {};
}

void AddNumber(std::string key, std::vector<std::string>* numbers) {
  if (!key.empty() && std::find(numbers->begin(), numbers->end(), key) == numbers->end()) {
    numbers->push_back(std::move(key));
  }
}

// The decision's date: after « audience publique du », « Lecture du »,
// « Rendu le » (3); on the header line of the decision's type and number
// (« Délibération n° SAN-2022-019 du 17 octobre 2022 », 2); alone on a
// header line (« 10 DÉCEMBRE 2024 », 1); else the header's first date.
std::string ReadDate(const Segmentation& seg, const std::vector<Entity>& entities, const Hits& hits,
                     uint32_t header_end) {
  const size_t n = seg.tokens.size();
  const uint32_t footer_start = n > kFooterTokens ? static_cast<uint32_t>(n - kFooterTokens) : 0;
  // the weight of a date cue ending right before each token, and whether
  // each line opens with a decision's type word: read once, then each date
  // asks about its own position only
  std::map<uint32_t, int> cue_weights;  // token -> the weight of the date cues ending right before it
  for (const CueHit* h : hits.Of("decision_date")) {
    int& weight = cue_weights.try_emplace(h->end_token, -1).first->second;
    weight = std::max(weight, h->cue->weight);
  }
  const auto cue_before = [&cue_weights](uint32_t token) {
    const auto it = cue_weights.find(token);
    return it == cue_weights.end() ? -1 : it->second;
  };
  const size_t lines = hits.lines.size();
  std::vector<bool> type_line(lines, false), signed_line(lines, false);
  for (const CueHit* h : hits.Of("decision_type")) {
    if (StartsLine(seg, h->first_token)) type_line[hits.lines.Of(h->first_token)] = true;
  }
  for (const CueHit* h : hits.Of("signed_at")) {
    if (StartsLine(seg, h->first_token) && h->first_token >= footer_start) signed_line[hits.lines.Of(h->first_token)] = true;
  }
  std::string best;
  int best_score = -1;
  uint32_t best_token = 0;
  for (const Entity& e : entities) {
    if (e.type != EntityType::kDate || e.fields.precision() != "day") continue;
    for (const Mention& m : e.mentions) {
      const bool in_header = m.first_token < header_end;
      int score = -1;
      if (in_header || m.first_token >= footer_start) {
        // the cue right before the date, or a weekday between (« Lecture du
        // mardi 13 octobre 2020 » when the date starts at the day number)
        score = cue_before(m.first_token);
        if (m.first_token > 0) score = std::max(score, cue_before(m.first_token - 1));
        if (signed_line[hits.lines.Of(m.first_token)]) score = std::max(score, 3);
      }
      if (score < 0 && in_header) {
        if (type_line[hits.lines.Of(m.first_token)] && !StartsLine(seg, m.first_token)) {
          score = 2;
        } else if (StartsLine(seg, m.first_token) && EndsLine(seg, m.end_token)) {
          score = 1;
        } else {
          score = 0;
        }
      }
      if (score > best_score || (score == best_score && m.first_token < best_token)) {
        best = e.fields.value();
        best_score = score;
        best_token = m.first_token;
      }
    }
  }
  return best_score >= 0 ? best : std::string();
}

// The formation: the cue's words, with the ordinal before them
// (« PREMIÈRE CHAMBRE CIVILE », « 10ème - 9ème chambres réunies »), as
// written.
std::string ReadFormation(std::string_view text, const Segmentation& seg, const Hits& hits, uint32_t header_end) {
  for (const CueHit* h : hits.Of("formation")) {
    if (h->first_token >= header_end) break;
    uint32_t first = h->first_token;
    while (first > 0 && !StartsLine(seg, first)) {
      const std::string_view before = FoldedText(seg, first - 1);
      const bool ordinal = before.ends_with("ere") || before.ends_with("eme") || before.ends_with("re") ||
                           before == "-" || before == "premiere" || before == "seconde";
      if (!ordinal) break;
      --first;
    }
    return std::string(Surface(text, seg, first, h->end_token));
  }
  return {};
}

// Publication marks: « Inédit au recueil Lebon », « Publié au recueil
// Lebon », a Cour de cassation's « FS-B+R », « F-D ».
std::string ReadPublication(std::string_view text, const Segmentation& seg, uint32_t header_end) {
  for (uint32_t i = 0; i < header_end; ++i) {
    const std::string_view f = FoldedText(seg, i);
    if ((f == "inedit" || f == "publie" || f == "mentionne") && i + 3 < seg.tokens.size() &&
        FoldedText(seg, i + 3) == "lebon") {
      return std::string(Surface(text, seg, i, i + 4));
    }
    // F-B, FS-B+R, F-D: tokens "F" "-" "B" ... glued together
    if ((f == "f" || f == "fs" || f == "fp") && i + 2 < header_end && FoldedText(seg, i + 1) == "-" &&
        !seg.tokens[i + 1].space_before && !seg.tokens[i + 2].space_before) {
      uint32_t end = i + 3;
      while (end < header_end && !seg.tokens[end].space_before && !seg.tokens[end].newline_before) ++end;
      return std::string(Surface(text, seg, i, end));
    }
  }
  return {};
}

// The court a text was filed with (« enregistrée au secrétariat du
// contentieux du Conseil d'État », « au greffe du tribunal »): the court
// named right after the first registry cue.
struct Registry {
  std::string court;      // canonical, or empty
  uint32_t sentence = 0;  // of the filing (« Par une requête, enregistrée … »)
};

Registry RegistryCourt(const std::vector<Entity>& entities, Genre genre, const Hits& hits) {
  const std::span<const CueHit* const> registry = hits.Of("registry");
  if (registry.empty()) return {};
  // the weight of a registry cue ending right before each token
  std::map<uint32_t, int> cue_before;
  for (const CueHit* h : registry) cue_before[h->end_token] = std::max(cue_before[h->end_token], h->cue->weight);
  Registry best;
  int best_weight = 0;
  uint32_t best_at = UINT32_MAX;
  for (const Entity& e : entities) {
    if (!CanDecide(e, genre)) continue;
    for (const Mention& m : e.mentions) {
      const auto it = cue_before.find(m.first_token);
      if (it == cue_before.end()) continue;
      if (it->second > best_weight || (it->second == best_weight && m.first_token < best_at)) {
        best = {e.canonical, m.sentence};
        best_weight = it->second;
        best_at = m.first_token;
      }
    }
  }
  return best;
}

// How many sentences after its header a decision takes to say what it is
// seized of (« La société Filux a demandé au tribunal … Par un jugement …
// Par un arrêt … Par un pourvoi sommaire … »).
constexpr uint32_t kProcedureSentences = 6;

// The procedure is what the filing with the deciding court asks (« Par un
// pourvoi sommaire …, enregistré au secrétariat du contentieux du Conseil
// d'État, M. I demande au Conseil d'État : 1°) d'annuler cet arrêt »): a cue
// in that sentence or the two after it (the list of what is asked); else
// the first cue after the header, before the lower courts' history is told
// (the first instance's « d'annuler pour excès de pouvoir »).
void ReadProcedure(const Segmentation& seg, const Hits& hits, uint32_t header_end,
                   const std::optional<uint32_t>& filing_sentence, DecisionIdentity* id) {
  if (filing_sentence) {
    for (const CueHit* h : hits.Of("procedure")) {
      if (h->sentence < *filing_sentence) continue;
      if (h->sentence > *filing_sentence + 2) break;
      id->procedure = h->cue->value;
      id->procedure_sentence = h->sentence;
      return;
    }
  }
  const uint32_t first_sentence = header_end < seg.tokens.size() ? seg.tokens[header_end].sentence : 0;
  for (const CueHit* h : hits.Of("procedure")) {
    if (h->first_token < header_end) continue;
    if (h->sentence >= first_sentence + kProcedureSentences) break;
    id->procedure = h->cue->value;
    id->procedure_sentence = h->sentence;
    return;
  }
}

DecisionIdentity ReadIdentity(std::string_view text, const Segmentation& seg, const std::vector<Entity>& entities,
                              Genre genre, const CueSet& cues, const Institutions& institutions, const Hits& hits) {
  DecisionIdentity id;
  const uint32_t header_end = HeaderEnd(seg, hits);
  id.body_sentence = header_end < seg.tokens.size() ? seg.tokens[header_end].sentence : 0;
  const size_t header_bytes = header_end < seg.tokens.size() ? seg.tokens[header_end].byte_start : text.size();

  // numbers: LEGAL_REF keys of decisions mentioned in the header
  for (const Entity& e : entities) {
    if (e.type != EntityType::kLegalRef || e.mentions.front().first_token >= header_end) continue;
    if (e.canonical.starts_with("ECLI:")) {
      if (id.ecli.empty()) id.ecli = e.canonical;
    } else if (institutions.IsDecisionKey(e.canonical)) {
      AddNumber(e.canonical, &id.numbers);
    }
  }
  std::vector<std::string> pourvois;
  FindPourvoiNumbers(text.substr(0, header_bytes), &pourvois);
  for (std::string& p : pourvois) AddNumber(std::move(p), &id.numbers);

  // court: the one a number's prefix names; else the first court (an
  // authority, for a regulator's decision) of the header; else the court
  // the filing was registered with; else the first of the text
  for (const std::string& key : id.numbers) {
    if (const Institution* in = institutions.OfDecisionKey(key)) {
      id.court = in->organisation;
      break;
    }
  }
  const Entity* first_court = nullptr;
  const Entity* header_court = nullptr;
  uint32_t first_at = UINT32_MAX, header_at = UINT32_MAX;
  for (const Entity& e : entities) {
    if (!CanDecide(e, genre)) continue;
    for (const Mention& m : e.mentions) {
      if (m.first_token < first_at) first_at = m.first_token, first_court = &e;
      if (m.first_token < header_end && m.first_token < header_at) header_at = m.first_token, header_court = &e;
    }
  }
  if (id.court.empty() && header_court) id.court = header_court->canonical;
  const Registry registry = RegistryCourt(entities, genre, hits);
  if (id.court.empty()) id.court = registry.court;
  if (id.court.empty() && first_court) id.court = first_court->canonical;

  // numbers the header gives without naming whose they are: a general
  // register number, the page furniture; their prefix is the court's
  const std::string court_key = institutions.KeyOfCourt(id.court);
  if (!court_key.empty()) {
    for (uint32_t i = 0; i + 1 < header_end; ++i) {
      const std::string_view f = FoldedText(seg, i);
      const bool register_cue = (f == "repertoire" && FoldedText(seg, i + 1) == "general") || f == "rg";
      if (!register_cue) continue;
      uint32_t from = i + (f == "rg" ? 1 : 2);
      while (from < header_end && !IsAsciiDigits(TokenText(text, seg.tokens[from])) && from < i + 5) ++from;
      const std::string number = RegisterNumber(text, seg, from, header_end);
      if (!number.empty()) AddNumber(court_key + ":" + number, &id.numbers);
    }
    const size_t digits = FooterDigits(court_key, cues);
    if (id.numbers.empty() && digits > 0) {
      const std::string footer = FooterNumber(text, seg, hits.lines, digits);
      if (!footer.empty()) AddNumber(court_key + ":" + footer, &id.numbers);
    }
  }

  id.date = ReadDate(seg, entities, hits, header_end);
  for (const CueHit* h : hits.Of("decision_type")) {
    if (h->first_token < header_end && StartsLine(seg, h->first_token)) {
      id.type = h->cue->value;
      break;
    }
  }
  std::optional<uint32_t> filing_sentence;
  if (!registry.court.empty() && registry.court == id.court) filing_sentence = registry.sentence;
  ReadProcedure(seg, hits, header_end, filing_sentence, &id);
  id.formation = ReadFormation(text, seg, hits, header_end);
  id.publication = ReadPublication(text, seg, header_end);
  return id;
}

// --- zones -------------------------------------------------------------------

constexpr std::array<const char*, 6> kZoneNames = {"introduction", "expose",     "moyens",
                                                   "motivations",  "dispositif", "annexes"};

int ZoneIndex(std::string_view name) {
  for (size_t i = 0; i < kZoneNames.size(); ++i) {
    if (name == kZoneNames[i]) return static_cast<int>(i);
  }
  return -1;
}

// The parts of a decision: each heading that starts a line and names a part
// after the current one opens it; the introduction runs to the first.
std::vector<Zone> ReadZones(std::string_view text, const Segmentation& seg, const Hits& hits) {
  std::vector<Zone> zones;
  if (seg.tokens.empty()) return zones;
  int current = 0;
  zones.push_back({kZoneNames[0], 0, 0, 0, 0});
  for (const CueHit* h : hits.Of("zone")) {
    const int index = ZoneIndex(h->cue->value);
    if (index <= current || !StartsLine(seg, h->first_token)) continue;
    zones.back().end_token = h->first_token;
    zones.push_back({kZoneNames[static_cast<size_t>(index)], h->first_token, 0, 0, 0});
    current = index;
  }
  zones.back().end_token = static_cast<uint32_t>(seg.tokens.size());
  std::vector<Zone> out;
  for (Zone& z : zones) {
    if (z.first_token >= z.end_token) continue;  // a heading at the very start: no introduction
    z.start = z.first_token == 0 ? 0 : CodePointStart(text, seg, seg.tokens[z.first_token]);
    out.push_back(z);
  }
  const uint32_t text_end = CodePointOffset(text, seg, static_cast<uint32_t>(text.size()));
  for (size_t i = 0; i < out.size(); ++i) out[i].end = i + 1 < out.size() ? out[i + 1].start : text_end;
  return out;
}

// The outcome the dispositif states: its first outcome cue, unless one of
// higher weight stands in it (a partial cassation, a non-lieu).
void ReadOutcome(const std::vector<Zone>& zones, const Hits& hits, Structure* out) {
  const auto dispositif = std::find_if(zones.begin(), zones.end(),
                                       [](const Zone& z) { return std::string_view(z.name) == "dispositif"; });
  if (dispositif == zones.end()) return;
  const CueHit* best = nullptr;
  for (const CueHit* h : hits.Of("outcome")) {
    if (h->first_token < dispositif->first_token) continue;
    if (h->first_token >= dispositif->end_token) break;
    if (!best || h->cue->weight > best->cue->weight) best = h;
  }
  if (best) {
    out->outcome = best->cue->value;
    out->outcome_sentence = best->sentence;
  }
}

}  // namespace


const char* GenreName(Genre genre) { return kGenreNames[static_cast<size_t>(genre)]; }

Structure ReadStructure(const TokenView& view, const Lexicon& lexicon, const DocumentCues& document_cues,
                        const std::vector<Entity>& entities) {
  const std::string_view text = view.text();
  const Segmentation& seg = view.segmentation();
  const CueSet& cues = lexicon.structure_cues();
  const Hits hits{document_cues.ByField(CueFile::kStructure), Lines(seg)};
  Structure out;
  out.genre = ReadGenre(seg, entities, hits);
  if (out.genre == Genre::kDecision || out.genre == Genre::kRegulatorDecision) {
    out.decision = ReadIdentity(text, seg, entities, out.genre, cues, lexicon.institutions(), hits);
    out.decision->judges = ReadJudges(view, entities, hits.Of("judge_role"));
    out.zones = ReadZones(text, seg, hits);
    ReadOutcome(out.zones, hits, &out);
  }
  return out;
}

}  // namespace lexfr
