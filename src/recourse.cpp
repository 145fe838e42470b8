#include "lexfr/recourse.h"

namespace lexfr {

std::optional<Recourse> Summarise(std::string_view, const Segmentation&, const std::vector<Entity>&) {
  return std::nullopt;
}

}  // namespace lexfr
