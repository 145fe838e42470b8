#include "lexfr/legal_refs.h"

namespace lexfr {

std::vector<Candidate> FindLegalRefs(std::string_view, const Segmentation&, const std::vector<Candidate>&) {
  return {};
}

}  // namespace lexfr
