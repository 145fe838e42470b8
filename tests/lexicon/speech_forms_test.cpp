#include "lexicon/speech_forms.h"

#include <catch2/catch.hpp>

namespace lexfr {

using V = std::vector<std::string>;

TEST_CASE("speech verb forms: an -er verb by rule", "[quotes][lexicon]") {
  CHECK(SpeechVerbForms("déclarer", "-") ==
        V{"déclare", "déclarera", "déclarerait", "déclaré", "déclarait", "déclarée", "déclarées", "déclarés"});
  CHECK(SpeechVerbForms("se féliciter", "-").front() == "félicite");
  CHECK(SpeechVerbForms("s'indigner", "-").front() == "indigne");
}

TEST_CASE("speech verb forms: a verb by its forms", "[quotes][lexicon]") {
  CHECK(SpeechVerbForms("se réjouir", "réjouit/réjoui/réjouir/réjouiss") ==
        V{"réjouit", "réjouira", "réjouirait", "réjoui", "réjouissait", "réjouie", "réjouies", "réjouis"});
  // a participle in -s has no second -s
  CHECK(SpeechVerbForms("admettre", "admet/admis/admettr") ==
        V{"admet", "admettra", "admettrait", "admis", "admise", "admises"});
}

TEST_CASE("speech verb rows that cannot be conjugated are refused", "[quotes][lexicon]") {
  CHECK(SpeechVerbForms("dire", "-").empty());
  CHECK(CheckSpeechVerb("dire", "-").find("-er verb") != std::string::npos);
  CHECK(CheckSpeechVerb("dire", "dit/dit").find("present/participle") != std::string::npos);
  CHECK(CheckSpeechVerb("dire", "dit/dit/dir/dis").empty());
  CHECK(CheckSpeechVerb("se dire", "dit/dit/dir/dis").empty());
}

}  // namespace lexfr
