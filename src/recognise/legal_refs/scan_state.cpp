// Emitting a reference and remembering the instruments named.
#include "recognise/legal_refs/scan_state.h"

#include <string>
#include <string_view>
#include <utility>

#include "recognise/legal_refs/urls.h"

namespace lexfr::legal_refs {
namespace {

// The address of a reference that has none of its own, as urls.h computes
// it, remembered by the canonical key `canonical` (`ref`'s key, and its
// `article`); computed again should another kind or code name come with
// the same key.
const std::string& UrlFromKey(Memory* memory, const Ref& ref, const std::string& canonical, std::string_view article) {
  auto [it, added] = memory->computed_urls.try_emplace(canonical);
  ComputedUrl& known = it->second;
  if (added || known.kind != ref.kind || known.key_size != ref.key.size() || known.code_name != ref.name) {
    known.kind = ref.kind;
    known.key_size = ref.key.size();
    known.code_name = ref.name;
    known.url = ref.kind == Kind::kCode ? CodeUrl(ref.name, article) : UrlOfKey(ref.key);
  }
  return known.url;
}

}  // namespace

void Emit(Memory* memory, uint32_t first, uint32_t end, const Ref& ref, std::string article, bool inside_range, bool range) {
  Candidate c;
  c.type = EntityType::kLegalRef;
  c.first_token = first;
  c.end_token = end;
  if (article.empty()) {
    c.canonical = ref.key;
  } else {  // one allocation, where « key + " art. " + article » made up to three
    constexpr std::string_view kArt = " art. ";
    c.canonical.reserve(ref.key.size() + kArt.size() + article.size());
    c.canonical.append(ref.key).append(kArt).append(article);
  }
  c.fields.instrument() = ref.key;
  c.fields.article() = std::move(article);
  c.fields.url = ref.url.empty() ? UrlFromKey(memory, ref, c.canonical, c.fields.article()) : ref.url;
  c.priority = priority::kGrammar;
  c.inside_range = inside_range;
  c.from_range = range;
  memory->out.push_back(std::move(c));
  memory->bare_end = 0;
}

void Remember(Memory* memory, const Ref& ref) {
  if (!ref.legislative) return;
  memory->last = ref;
  memory->last_by_kind[static_cast<size_t>(ref.kind)] = ref;
}

}  // namespace lexfr::legal_refs
