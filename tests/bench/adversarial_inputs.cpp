#include "adversarial_inputs.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace lexfr_bench {
namespace {

// `prefix`, then `piece` as many times as fit in `bytes` (at least once).
std::string Repeat(const std::string& piece, size_t bytes, const std::string& prefix = "") {
  std::string out = prefix;
  const size_t count = std::max<size_t>(1, (bytes - std::min(bytes, prefix.size())) / piece.size());
  out.reserve(prefix.size() + count * piece.size());
  for (size_t k = 0; k < count; ++k) out += piece;
  return out;
}

// piece(0) piece(1) … until `bytes` (at least one piece).
std::string Distinct(size_t bytes, const std::function<std::string(size_t)>& piece) {
  std::string out;
  for (size_t k = 0; k == 0 || out.size() < bytes; ++k) {
    std::string next = piece(k);
    if (k > 0 && out.size() + next.size() > bytes) break;
    out += next;
  }
  return out;
}

// The k-th of 343,000 capitalised pseudo-words of three syllables or more
// ("Bababa", "Bakodu" …): names no list knows, all different.
std::string PseudoWord(size_t k) {
  static constexpr char kConsonants[] = "bcdfglmnprstvz";
  static constexpr char kVowels[] = "aeiou";
  constexpr size_t kSyllables = (sizeof kConsonants - 1) * (sizeof kVowels - 1);
  std::string word;
  for (int s = 0; s < 3 || k > 0; ++s) {
    const size_t syllable = k % kSyllables;
    k /= kSyllables;
    word += kConsonants[syllable / (sizeof kVowels - 1)];
    word += kVowels[syllable % (sizeof kVowels - 1)];
  }
  word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

// `name` with the case of its ASCII letters after the first set by the bits
// of k, from the last letter back: every k a different way of writing the
// same folded name, all of one length and equal up to near their end, so
// that comparing two of them reads them through.
std::string CaseVariant(const std::string& name, size_t k) {
  std::string out = name;
  for (size_t i = out.size(); i-- > 1;) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (!std::isalpha(c) || c >= 0x80) continue;
    out[i] = static_cast<char>((k & 1) != 0 ? std::toupper(c) : std::tolower(c));
    k >>= 1;
  }
  return out;
}

// `piece` repeated; after `prefix` when given (a first sentence that makes
// the text a legal action, so that the recourse rules run at all).
AdversarialInput Text(std::string name, std::string stage, std::string piece, std::string prefix = "") {
  AdversarialInput in;
  in.name = std::move(name);
  in.stage = std::move(stage);
  // One line of the table (and of `lexfr_adversarial list`): line breaks shown as \n.
  const auto shown = [](const std::string& s) {
    std::string out;
    for (char c : s) out += c == '\n' ? std::string("\\n") : std::string(1, c);
    return out;
  };
  in.what = prefix.empty() ? "« " + shown(piece) + "… »" : "« " + shown(prefix) + " » then « " + shown(piece) + "… »";
  in.make = [piece, prefix](size_t bytes) { return Repeat(piece, bytes, prefix); };
  return in;
}

// A first sentence that makes a text a legal action.
const std::string kAction = "Recours pour excès de pouvoir devant le Conseil d'État. ";
// The header of a decision, so that the structure stage reads it as one.
const std::string kDecisionHead = "COUR DE CASSATION\nAU NOM DU PEUPLE FRANÇAIS\nVu la procédure suivante :\n";

AdversarialInput Built(std::string name, std::string stage, std::string what,
                       std::function<std::string(size_t)> make, bool html = false) {
  AdversarialInput in;
  in.name = std::move(name);
  in.stage = std::move(stage);
  in.what = std::move(what);
  in.html = html;
  in.make = std::move(make);
  return in;
}

std::vector<AdversarialInput> MakeAll() {
  std::vector<AdversarialInput> all = {
      // --- segmentation
      Text("seg-digit-groups", "segment", "999 "),  // issue 15: ' '.join(['999'] * N)
      Text("seg-dot-lines", "segment", ".\n"),      // a sentence break at every line, after dots
      Text("seg-digit-run", "segment", "1234567890"),
      Text("seg-abbreviations", "segment", "M. art. n° L. "),
      Text("seg-elisions", "segment", "l'l'l'd'qu' "),
      Text("seg-narrow-spaces", "segment", "150\u202F000\u202F€ "),
      Text("seg-han", "segment", "法国国家信息与自由委员会"),
      Text("seg-short-sentences", "segment", "Oui. "),
      // --- names
      Text("names-capitals", "names", "Conseil Autorité Commission "),
      Text("names-titles", "names", "M. Me Mme "),
      Text("names-given-names", "names", "Jean Pierre Marie "),
      Text("names-acronyms", "names", "(CNIL (Commission "),
      Text("names-long-forms", "names", "Agence Bleue Claire Douce (ABCD) "),
      Text("names-hyphens", "names", "Jean-"),
      Text("names-initials", "names", "L. "),
      Text("names-anonymised", "names", "B... "),
      Text("names-dotted", "names", "Rapid.Space."),
      Text("names-cued-orgs", "names", "l'association Les Licornes Célestes "),
      Text("names-gazetteer", "names", "Google "),
      Built("names-distinct-persons", "names", "« M. Bakodu Fimela, … », every name different",
            [](size_t bytes) {
              return Distinct(bytes, [](size_t k) { return "M. " + PseudoWord(k) + " " + PseudoWord(k + 7) + ", "; });
            }),
      // --- legal references
      Text("refs-article-heads", "legal refs", "article "),
      Text("refs-article-lists", "legal refs", "articles 1, 2, 3 et "),
      Text("refs-numero", "legal refs", "n° 2019- "),
      Text("refs-du", "legal refs", "du "),
      // Acts whose author no phrase names, among courts (« CE »): the author
      // is looked for before and after each act.
      Text("refs-acts-among-courts", "legal refs", "CE CE CE CE délibération 2019-001 "),
      Text("refs-quoted-names", "legal refs", "la loi \" "),
      Text("refs-ecli", "legal refs", "ECLI:FR:CEORD:2020:444937.20201013 "),
      Text("refs-chained-articles", "legal refs", "article L. 121-1 du code de la consommation, "),
      // a quotation opened after each article and never closed: its end is
      // looked for once, not from every opening
      Text("refs-unclosed-quoted-provisions", "legal refs", "l'article L. 811-3 du code de la défense dispose : « "),
      // bare code articles cited again, each looked up by number; « la loi du
      // 6 janvier 1978 » after a numbered law of that date
      Text("refs-dated-acts", "legal refs", "la loi n° 78-17 du 6 janvier 1978, la loi du 6 janvier 1978, l'article L. 1, "),
      // --- names (this session): lists after a plural title or cue
      Text("names-plural-titles", "names", "Mmes Antoine, Poinseaux, Dard, "),
      Text("names-plural-cues", "names", "les associations Respire, Ras-le-Scoot et "),
      Text("names-lowercase-associations", "names", "l'association des amis du vieux moulin de la "),
      // --- dates
      Text("dates-day-lists", "dates", "le 1er et le 2 et "),
      Text("dates-numeric", "dates", "13/10/2020 "),
      Text("dates-months", "dates", "mars avril mai "),
      Text("dates-relative", "dates", "il y a deux ans "),
      // issue 20: narrative offsets, durations with what they run from,
      // ordinals, holidays, split ordinals and lists of months in context
      Text("dates-narrative", "dates", "le 3 mai 2022, le lendemain, trois jours plus tard, le mois suivant "),
      Text("dates-durations", "dates", "un an et deux mois et trois jours à compter de la notification de la "),
      Text("dates-ordinals", "dates", "le deuxième mardi de novembre, le dernier jour de "),
      Text("dates-holidays", "dates", "Noël Pâques lundi de Pentecôte la Toussaint en juin "),
      Text("dates-split", "dates", "1 er et 1 er et 1 er "),
      // --- money
      Text("money-multipliers", "money", "millions de milliards d' "),
      Text("money-digit-runs", "money", "12345678901234567890 "),
      Text("money-linked-amounts", "money", "35 millions et 150 millions d'euros et "),
      Text("money-signs", "money", "€50 $5 "),
      // --- link
      Built("link-case-variants", "link", "the CNIL's full name, written a different way each time",
            [](size_t bytes) {
              return Distinct(bytes, [](size_t k) {
                return CaseVariant("Commission nationale de l'informatique et des libertés", k) + ", ";
              });
            }),
      Text("link-overlaps", "link", "la délibération de la CNIL du 21 décembre 2023 et l'article 6 du RGPD, "),
      // --- structure: a decision's header, then what its readers look at
      // (cues before a date, registry cues before a court, headings, the
      // dispositif's outcome cues) over and over
      Text("structure-dates", "structure", "Lecture du 13 octobre 2020, Rendu le 14 octobre 2020, ", kDecisionHead),
      Text("structure-registry", "structure", "enregistrée au greffe du tribunal administratif de Lille, ",
           kDecisionHead),
      Text("structure-headings", "structure", "\nFaits et procédure\nExamen du moyen\nPAR CES MOTIFS\n", kDecisionHead),
      Text("structure-outcomes", "structure", "est rejetée, est annulée, mais seulement ",
           kDecisionHead + "PAR CES MOTIFS\n"),
      // --- pseudonymised names: every way of writing one, and short mentions
      // that look each full name up
      Text("pseudonym-names", "names", "M. [N] [U], Mme B... A..., M. E I et la société [O] [G] et [D] [I], "),
      Text("pseudonym-short-mentions", "names", "M. [N] [U] et M. [U] et Mme I, "),
      // --- a decision's parties: filings, defences, numbered lists and role
      // lines over and over, each read only once
      Text("parties-filings", "parties",
           "enregistrée le 2 mars 2020, M. [A] [B] et la société [5] demandent au Conseil d'Etat ", kDecisionHead),
      Text("parties-defences", "parties",
           "Par un mémoire en défense, enregistré le 2 mars 2020, le ministre de l'intérieur conclut ", kDecisionHead),
      Text("parties-numbered", "parties", "1°/ à la société [3], dont le siège est [Adresse 1],\n",
           kDecisionHead + "M. [A] [B] a formé le pourvoi dans le litige l'opposant :\n"),
      Text("parties-roles", "parties", "La société [A], société anonyme,\nDemanderesse, comparante\n", kDecisionHead),
      // --- recourse
      Text("recourse-sanction", "recourse", "la CNIL a sanctionné Google une amende "),  // issue 15
      Text("recourse-seize", "recourse", "a saisi le Conseil d'État d'un recours "),      // issue 15
      Text("recourse-by-lists", "recourse", "formé par la société Zorblax ", kAction),  // each list runs to the end
      Text("recourse-against", "recourse", "la société Zorblax, contre la société Criteo, ", kAction),
      Text("recourse-verbs", "recourse", "la société Zorblax demande l'annulation "),
      Text("recourse-grounds", "recourse", "incompétence, erreur manifeste, ", kAction),
      Text("recourse-published", "recourse", "publiée au Journal officiel par la CNIL ",
           "Recours contre le décret n° 2019-536 du 29 mai 2019. "),
      Built("recourse-counsel", "recourse", "« " + kAction + " » then « Me Bakodu Fimela, … », every name different",
            [](size_t bytes) {
              return kAction + Distinct(bytes, [](size_t k) {
                       return "Me " + PseudoWord(k) + " " + PseudoWord(k + 7) + ", ";
                     });
            }),
      Text("recourse-cue-words", "recourse", "demande demande saisit contre ", kAction),
      // 34 cue phrases start with « a » (« a saisi », « a formé » …).
      Text("recourse-cue-prefixes", "recourse", "a ", kAction),
      // the readers of acts, offices and parties named in words: an undated
      // act dated from every other mention of it, offices of offices, one
      // sentence of claimants in words, and « L'association » again and again
      Text("recourse-acts-in-words", "recourse", "contre la décision du président du président du maire de Lens, ",
           kAction),
      Text("recourse-parties-in-words", "recourse", "saisi par l'association des amis du port et ", kAction),
      Text("recourse-anaphora", "recourse", "L'association a saisi la société Zorblax. ", kAction),
      // --- quotes
      Text("quotes-unclosed", "quotes", "« "),
      Text("quotes-unclosed-speech", "quotes", "« Il dit "),
      Text("quotes-curly", "quotes", "“ "),
      Text("quotes-speakers", "quotes", "Google déclare « a » "),
      // --- HTML (caged extraction, issue 15 items 1 and 2)
      Built("html-comment-divs", "html", "<p><!--> then <div> × N", [](size_t bytes) {
        return Repeat("<div>", bytes, "<p><!-->");
      }, true),
      Built("html-comment-spans", "html", "<p><!--> then <span> × N", [](size_t bytes) {
        return Repeat("<span>", bytes, "<p><!-->");
      }, true),
  };
  return all;
}

}  // namespace

const std::vector<AdversarialInput>& AdversarialInputs() {
  static const std::vector<AdversarialInput>* all = new std::vector<AdversarialInput>(MakeAll());
  return *all;
}

const AdversarialInput* FindAdversarialInput(const std::string& name) {
  for (const AdversarialInput& in : AdversarialInputs()) {
    if (in.name == name) return &in;
  }
  return nullptr;
}

}  // namespace lexfr_bench
