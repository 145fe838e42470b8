// Emitting a reference and remembering the instruments named.
#include "recognise/legal_refs/scan_state.h"

#include <utility>

#include "recognise/legal_refs/urls.h"

namespace lexfr::legal_refs {

void Emit(Memory* memory, uint32_t first, uint32_t end, const Ref& ref, std::string article, bool inside_range, bool range) {
  Candidate c;
  c.type = EntityType::kLegalRef;
  c.first_token = first;
  c.end_token = end;
  c.canonical = article.empty() ? ref.key : ref.key + " art. " + article;
  c.fields.instrument() = ref.key;
  c.fields.article() = std::move(article);
  c.fields.url = ref.url;
  if (c.fields.url.empty()) c.fields.url = ref.kind == Kind::kCode ? CodeUrl(ref.name, c.fields.article()) : UrlOfKey(ref.key);
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
