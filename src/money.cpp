#include "lexfr/money.h"

namespace lexfr {

std::vector<Candidate> FindMoney(std::string_view, const Segmentation&) { return {}; }

std::string MoneyCanonical(double amount, std::string_view currency) {
  return std::to_string(amount) + " " + std::string(currency);
}

}  // namespace lexfr
