// The scanner tries its rules only where a reference may start (a word of
// ReferenceStartWords, a number, an authority's mention): it must find
// exactly what trying every rule at every token finds.
#include "recognise/legal_refs/scanner.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "recognise/dates.h"
#include "recognise/legal_refs.h"
#include "recognise/names.h"
#include "test_support.h"
#include "text/segment.h"
#include "text/token_view.h"

namespace lexfr::legal_refs {
namespace {

// The references of `text` as lines, with their tokens, scanning `which`.
std::string Scanned(const std::string& text, ScanTokens which) {
  const Lexicon& lexicon = SharedLexicon();
  const Segmentation seg = Segment(text, lexicon.abbreviations());
  const TokenView view(text, seg, lexicon.vocabulary());
  const std::vector<Candidate> names = FindNames(view, lexicon);
  const std::vector<Candidate> dates = FindDates(view, lexicon, DateOptions{});
  std::string out;
  for (const Candidate& c : Scan(view, TablesOf(lexicon.legal()), lexicon, names, dates, which)) {
    out += std::to_string(c.first_token) + "-" + std::to_string(c.end_token) + " " + c.canonical + " " +
           c.fields.url + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("the scanner's start words: each rule's first token, probed", "[legal_refs]") {
  // One passage per rule and per way in; each must find a reference, and the
  // same ones as the scan of every token.
  const char* passages[] = {
      "Vu l'article 48 du RGPD et les arts. 6 et 7 de la loi.",
      "Vu l'art. L. 1111-8 du code de la santé publique.",
      "La section 702 du FISA s'applique.",
      "ECLI:FR:CECHR:2020:444937.20201013 est cité.",
      "Dans l'affaire C-311/18, la Cour a jugé ; voir aussi aff. C-623/17 et T-123/20.",
      "Le Conseil d'État, n° 444937, a statué ; numéro 2006861 du tribunal administratif de Paris.",
      "La cour d'appel (RG n° 21/01234) a infirmé.",
      "Par sa décision n° 2019-796 DC, puis 2020-800 DC, le Conseil constitutionnel a statué.",
      "Sur le pourvoi n° 21-12.345, la Cour de cassation casse.",
      "Par une mise en demeure n° MED 2021-134, la présidente de la CNIL a enjoint.",
      "L'executive order 12333 encadre le renseignement.",
      "Le décret n° 2021-1234 du 1er octobre 2021 et la loi n° 78-17 du 6 janvier 1978.",
      "La délibération n° 2023-146 du 21 décembre 2023 de la CNIL.",
      "La directive 95/46/CE et le règlement (UE) 2016/679.",
      "Conseil d'État, 10 juillet 2020, n° 444937.",
  };
  for (const char* passage : passages) {
    INFO(passage);
    const std::string starts = Scanned(passage, ScanTokens::kStarts);
    CHECK(!starts.empty());
    CHECK(starts == Scanned(passage, ScanTokens::kEvery));
  }
}

TEST_CASE("the scanner's start words: the dev corpus and the case tables find the same references", "[legal_refs]") {
  const std::vector<std::string> texts = CorpusAndCaseTexts();
  REQUIRE(texts.size() > 100);
  size_t with_references = 0;
  for (const std::string& text : texts) {
    INFO(text.substr(0, 200));
    const std::string starts = Scanned(text, ScanTokens::kStarts);
    if (!starts.empty()) ++with_references;
    CHECK(starts == Scanned(text, ScanTokens::kEvery));
  }
  CHECK(with_references > 50);
}

}  // namespace lexfr::legal_refs
