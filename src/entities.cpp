#include "lexfr/entities.h"

namespace lexfr {

std::vector<Candidate> FindNames(std::string_view text, const Segmentation& seg, const Gazetteer& gazetteer) {
  return gazetteer.Match(text, seg);
}

}  // namespace lexfr
