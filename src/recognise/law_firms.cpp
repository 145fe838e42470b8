// Law firms named by their form before a lawyer's role (recognise/law_firms.h).
#include "recognise/law_firms.h"

#include <span>

#include "text/text_util.h"

namespace lexfr {
namespace {

// A firm's name is short: « Boré, Salve de Bruneton et Mégret » is 8 tokens.
// The role must follow within this many tokens of the form, which also
// bounds the work per form in a pathological text.
constexpr uint32_t kMostNameTokens = 16;

// Whether the token at `i` can open a firm's name: a capitalised word or a
// pseudonym's bracket (« la SCP [X] »).
bool OpensName(const TokenView& view, uint32_t i) {
  return i < view.size() && (view.Has(i, kCapitalised) || view.Text(i) == "[");
}

// The tokens [first, end) as written, any run of spaces and line breaks
// between them one space: a firm's name broken over two lines is one name.
std::string SpacedText(const TokenView& view, uint32_t first, uint32_t end) {
  std::string out;
  for (uint32_t k = first; k < end; ++k) {
    if (k > first && (view.token(k).space_before || view.token(k).newline_before)) out += ' ';
    out += view.Text(k);
  }
  return out;
}

// The first hit of `hits` from index *next on that starts at or after
// `token`; *next moves forward only, so a walk in text order is linear.
const CueHit* FirstFrom(std::span<const CueHit* const> hits, size_t* next, uint32_t token) {
  while (*next < hits.size() && hits[*next]->first_token < token) ++*next;
  return *next < hits.size() ? hits[*next] : nullptr;
}

}  // namespace

std::vector<Candidate> FindLawFirms(const TokenView& view, const DocumentCues& cues) {
  std::vector<Candidate> out;
  const CueHitsByField& hits = cues.ByField(CueFile::kCounsel);
  const std::span<const CueHit* const> roles = hits.Of("counsel_role");
  const std::span<const CueHit* const> judges = hits.Of("judge_role");
  size_t next_role = 0, next_judge = 0;
  for (const CueHit* form : hits.Of("firm_form")) {
    const uint32_t name_start = form->end_token;
    if (!OpensName(view, name_start)) continue;
    const CueHit* role = FirstFrom(roles, &next_role, name_start + 1);
    if (role == nullptr || role->sentence != form->sentence || role->first_token > name_start + kMostNameTokens) {
      continue;
    }
    // « avocat général » is a judge's role: the name before it is no firm's
    const CueHit* judge = FirstFrom(judges, &next_judge, role->first_token);
    if (judge != nullptr && judge->first_token == role->first_token) continue;
    // the name runs to the comma right before the role
    const uint32_t comma = role->first_token - 1;
    if (comma <= name_start || view.Text(comma) != ",") continue;
    Candidate c;
    c.type = EntityType::kOrg;
    c.first_token = form->first_token;
    c.end_token = comma;
    c.canonical = SpacedText(view, c.first_token, c.end_token);
    c.fields.subtype() = "law_firm";
    c.priority = priority::kGrammar;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace lexfr
