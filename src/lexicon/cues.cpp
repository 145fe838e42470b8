#include "lexicon/cues.h"

#include <algorithm>
#include <map>

#include "text/text_util.h"

namespace lexfr {

CueSet::CueSet(const std::vector<DataRow>& rows, const PhraseCutter& cutter) {
  std::map<std::string, uint32_t> field_indices;
  cues_.reserve(rows.size());
  for (const DataRow& row : rows) {
    Cue cue;
    cue.field = std::string(row[0]);
    cue.value = std::string(row[1]);
    cue.weight = static_cast<int>(IntegerOf(row[2]));
    const std::vector<PhraseToken> tokens = cutter.Cut(row[3]);
    cue.tokens.reserve(tokens.size());
    for (const PhraseToken& t : tokens) cue.tokens.push_back(Fold(t.text));
    // A phrase ending with an elided word (« contre l' », « de l' ») has no
    // letter after its apostrophe, so the segmenter splits it off; in a text
    // the word keeps it (« l'arrêté » -> « l' » « arrêté »): join them back.
    if (cue.tokens.size() >= 2 && cue.tokens.back() == "'" && !tokens.back().space_before) {
      cue.tokens.pop_back();
      cue.tokens.back() += '\'';
    }
    if (cue.tokens.empty()) continue;
    cue.field_index = field_indices.try_emplace(cue.field, static_cast<uint32_t>(field_indices.size())).first->second;
    cues_.push_back(std::move(cue));
  }
  size_t tokens = 0;
  for (const Cue& cue : cues_) tokens += cue.tokens.size();
  phrases_.Reserve(tokens);
  for (const Cue& cue : cues_) phrases_.Add(cue.tokens);
}

void CueSet::Dump(std::string* out) const {
  for (const Cue& cue : cues_) {
    *out += "cue " + cue.field + " " + cue.value + " " + std::to_string(cue.weight) + " " +
            std::to_string(cue.field_index) + ":";
    for (const std::string& t : cue.tokens) *out += " " + t;
    *out += "\n";
  }
  phrases_.Dump(out);
}

void CueIndex::Dump(std::string* out) const {
  for (const Entry& e : entries_) {
    *out += "entry " + std::to_string(static_cast<int>(e.file)) + " " + e.cue->field + " " + e.cue->value + "\n";
  }
  phrases_.Dump(out);
  for (size_t id = 0; id < word_bits_.size(); ++id) {
    *out += "bits " + std::to_string(id) + " " + std::to_string(word_bits_[id]) + "\n";
  }
}

namespace {

CueHit HitOf(const Cue& cue, size_t i, const Segmentation& seg) {
  return {&cue, static_cast<uint32_t>(i), static_cast<uint32_t>(i + cue.tokens.size()), seg.tokens[i].sentence};
}

}  // namespace

std::vector<CueHit> CueSet::Match(const Segmentation& seg) const {
  std::vector<CueHit> hits;
  const size_t n = seg.tokens.size();
  std::vector<uint32_t> ends;  // the nodes with cues a walk passed, shortest phrase first
  for (size_t i = 0; i < n; ++i) {
    if (!phrases_.MayStart(FoldedText(seg, i))) continue;
    ends.clear();
    uint32_t node = PhraseMatcher::kRoot;
    for (size_t k = i; k < n; ++k) {
      node = phrases_.Next(node, FoldedText(seg, k));
      if (node == PhraseMatcher::kNoNode) break;
      if (!phrases_.PhrasesAt(node).empty()) ends.push_back(node);
    }
    // Longest first; phrases of one length in the order of the file.
    for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
      for (uint32_t index : phrases_.PhrasesAt(*end)) hits.push_back(HitOf(cues_[index], i, seg));
    }
  }
  return hits;
}

const CueWordField* CueWordFieldOf(CueFile file, const Cue& cue) {
  for (const CueWordField& w : kCueWordFields) {
    if (w.file == file && cue.field == w.field && (w.value.empty() || cue.value == w.value)) return &w;
  }
  return nullptr;
}

CueIndex::CueIndex(const std::array<const CueSet*, kCueFileCount>& sets, const IdOf& id_of) {
  // At most an edge a token: room made once, not by rehashing.
  size_t tokens = 0;
  for (const CueSet* set : sets) {
    for (const Cue& cue : set->cues()) tokens += cue.tokens.size();
  }
  phrases_.Reserve(tokens);
  // files in CueFile order, each file's cues in file order: filtered by
  // file, the phrases at a node keep the order of that file's CueSet
  for (size_t f = 0; f < kCueFileCount; ++f) {
    for (const Cue& cue : sets[f]->cues()) {
      // a one-word field's word is a bit of its id, not a phrase (the
      // lexicon refuses such a row of more than one word)
      if (const CueWordField* w = CueWordFieldOf(static_cast<CueFile>(f), cue); w != nullptr && cue.tokens.size() == 1) {
        const uint32_t id = id_of(cue.tokens.front());
        if (word_bits_.size() <= id) word_bits_.resize(id + 1, 0);
        word_bits_[id] |= static_cast<uint8_t>(w->word);
        continue;
      }
      entries_.push_back({static_cast<CueFile>(f), &cue});
      phrases_.Add(cue.tokens);
      for (const std::string& token : cue.tokens) id_of(token);  // the words get their ids in the files' order
    }
  }
  phrases_.IndexByIds(id_of);  // walked by the tokens' ids (Match)
}

DocumentCues CueIndex::Match(const TokenView& view) const {
  DocumentCues out;
  out.word_bits_ = word_bits_;
  const size_t n = view.size();
  // At most a few hits a token: room reserved once is only address space
  // until written, where growing by doubling copied and faulted in every
  // page again (« à à à … » makes three hits a token).
  for (DocumentCues::File& f : out.files_) f.hits.reserve(n);
  std::vector<uint32_t> ends;  // the nodes with phrases a walk passed, shortest phrase first
  const std::span<const uint32_t> ids = view.ids();
  for (size_t i = phrases_.NextStart(ids, 0); i < n; i = phrases_.NextStart(ids, i + 1)) {
    uint32_t node = phrases_.NextById(PhraseMatcher::kRoot, ids[i]);
    if (node == PhraseMatcher::kNoNode) continue;
    ends.clear();
    for (size_t k = i + 1;; ++k) {
      if (!phrases_.PhrasesAt(node).empty()) ends.push_back(node);
      if (k >= n) break;
      node = phrases_.NextById(node, view.Id(k));
      if (node == PhraseMatcher::kNoNode) break;
    }
    // longest first; phrases of one length in the order they were added
    for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
      for (uint32_t id : phrases_.PhrasesAt(*end)) {
        const Entry& e = entries_[id];
        out.files_[static_cast<size_t>(e.file)].hits.push_back(HitOf(*e.cue, i, view.segmentation()));
      }
    }
  }
  for (DocumentCues::File& f : out.files_) f.by_field = CueHitsByField(f.hits);
  return out;
}

}  // namespace lexfr
