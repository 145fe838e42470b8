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
  // Most walks are one token long: the cue files' one-word phrases
  // (« de », « la », « et » …) and the first words of longer ones followed
  // by no second word. Those are told by one entry of the first-step table,
  // with no hashing and no list of the nodes passed.
  const PhraseMatcher::Walker walk(phrases_);
  const std::span<const uint32_t> ids = view.ids();
  const Token* tokens = view.tokens().data();
  const Entry* entries = entries_.data();
  std::array<std::vector<CueHit>*, kCueFileCount> hits;
  for (size_t f = 0; f < kCueFileCount; ++f) hits[f] = &out.files_[f].hits;
  // The phrases ending at `node`, in the order they were added, as hits of
  // tokens [first, end).
  const auto add = [&](uint32_t node, size_t first, size_t end, uint32_t sentence) {
    for (const uint32_t id : walk.PhrasesAt(node)) {
      const Entry& e = entries[id];
      hits[static_cast<size_t>(e.file)]->push_back(
          {e.cue, static_cast<uint32_t>(first), static_cast<uint32_t>(end), sentence});
    }
  };
  std::vector<std::pair<uint32_t, uint32_t>> ends;  // (node, end token) of the phrases a walk passed, shortest first
  const uint32_t* const begin = ids.data();
  const uint32_t* const end = begin + n;
  for (const uint32_t* at = walk.NextWalk(begin, end); at != end; at = walk.NextWalk(at + 1, end)) {
    const auto i = static_cast<size_t>(at - begin);
    const uint32_t first = walk.FirstStep(*at);
    const uint32_t sentence = tokens[i].sentence;
    uint32_t node = PhraseMatcher::Walker::FirstNode(first);
    const uint32_t second = PhraseMatcher::Walker::FirstGoesOn(first) && at + 1 != end && walk.IsSecond(at[1])
                                ? walk.Next(node, at[1])
                                : PhraseMatcher::kNoNode;
    if (second == PhraseMatcher::kNoNode) {  // a walk of one token: most
      add(node, i, i + 1, sentence);
      continue;
    }
    ends.clear();
    if (!walk.PhrasesAt(node).empty()) ends.emplace_back(node, static_cast<uint32_t>(i + 1));
    node = second;
    for (size_t k = i + 2;; ++k) {
      if (!walk.PhrasesAt(node).empty()) ends.emplace_back(node, static_cast<uint32_t>(k));
      if (k >= n) break;
      node = walk.Next(node, ids[k]);
      if (node == PhraseMatcher::kNoNode) break;
    }
    // longest first; phrases of one length in the order they were added
    for (auto e = ends.rbegin(); e != ends.rend(); ++e) add(e->first, i, e->second, sentence);
  }
  for (DocumentCues::File& f : out.files_) f.by_field = CueHitsByField(f.hits);
  return out;
}

}  // namespace lexfr
