#include "lexfr/dates.h"

namespace lexfr {

std::vector<Candidate> FindDates(std::string_view, const Segmentation&, const DateOptions&) { return {}; }

}  // namespace lexfr
