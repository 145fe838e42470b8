#include "lexfr/analyze.h"

#include <spdlog/spdlog.h>

#include "recognise/law_firms.h"
#include "recognise/names.h"
#include "recognise/legal_refs.h"
#include "recognise/link.h"
#include "recognise/money.h"
#include "recognise/pseudonyms.h"
#include "io/sha256.h"
#include "lexicon/embedded.h"
#include "summarise/decision_parties.h"
#include "summarise/decision_recourse.h"

namespace lexfr {

Status LoadResources(const std::vector<std::string>& user_gazetteers, Resources* out) {
  return LoadLexicon(EmbeddedFiles(), user_gazetteers, &out->lexicon);
}

namespace {

// -vv: what each recogniser found before linking, to tell which one missed
// or over-read a mention.
void LogRecogniserCounts(const std::string& path, size_t names, size_t pseudonyms, size_t firms,
                         const std::vector<std::vector<Candidate>>& candidates) {
  if (!spdlog::should_log(spdlog::level::debug)) return;
  spdlog::debug("{}: recognisers: names {}, pseudonyms {}, law firms {}, dates {}, legal references {}, money {}", path,
                names, pseudonyms, firms, candidates[1].size(), candidates[2].size(), candidates[3].size());
}

}  // namespace

Status Analyze(std::string bytes, std::string path, const Resources& resources, const AnalyzeOptions& options,
               Document* out) {
  out->path = std::move(path);
  out->bytes = bytes.size();
  out->sha256 = Sha256Hex(bytes);

  // extract and decode
  Extracted extracted;
  Status s = Extract(std::move(bytes), out->path, options.input_format, options.extract, &extracted);
  if (!s.ok()) return s;
  out->decoded = std::move(extracted.decoded);
  out->source = std::move(extracted.info);
  const std::string_view text = out->decoded.text;

  // segment
  const Lexicon& lexicon = resources.lexicon;
  TokenIds token_ids;  // made by the segmenter, taken by the view
  out->segmentation = Segment(text, lexicon.abbreviations(), lexicon.vocabulary(), &token_ids);
  const Segmentation& seg = out->segmentation;
  const TokenView view(text, seg, std::move(token_ids));
  std::vector<std::vector<Candidate>> candidates(4);  // names, dates, legal refs, money
  // recognise dates first: they read neither names nor cues, and their
  // per-token tables then share the memory with no cue hit or name yet
  DateOptions date_options = options.dates;
  if (!date_options.ref_date) date_options.ref_date = ParseCalendarDate(out->source.published);
  size_t unresolved = 0;
  candidates[1] = FindDates(view, lexicon, date_options, &unresolved);
  if (unresolved != 0) {
    out->decoded.diagnostics.push_back(
        {"relative_date_unresolved", std::to_string(unresolved) +
                                         " relative date(s) left out: no reference date (--ref-date or a date the "
                                         "document gives as its own) or no earlier date in the text to count from"});
  }
  // recognise names: legal references read them, and the dates
  candidates[0] = FindNames(view, lexicon);
  const size_t names = candidates[0].size();
  // pseudonymised names (« M. [N] [U] », « la société [5] ») are names too:
  // the linker keeps the longer reading where names.cpp read part of one
  for (Candidate& c : FindPseudonyms(view, lexicon)) candidates[0].push_back(std::move(c));
  const size_t pseudonyms = candidates[0].size() - names;
  // the law firms read the counsel cues alone: matched apart, and gone at
  // once, before the legal references
  for (Candidate& firm : FindLawFirms(view, lexicon.counsel_cue_index().Match(view))) {
    candidates[0].push_back(std::move(firm));
  }
  const size_t firms = candidates[0].size() - names - pseudonyms;
  candidates[2] = FindLegalRefs(view, lexicon, candidates[0], candidates[1]);
  candidates[3] = FindMoney(view, lexicon);
  LogRecogniserCounts(out->path, names, pseudonyms, firms, candidates);

  // link
  out->entities = Link(text, seg, std::move(candidates));
  // every cue file's phrases, matched once, once the candidates are linked
  // and gone: the stages below share the hits
  const DocumentCues cues = lexicon.cues().Match(view);

  // read the structure: what the text is, a decision's identity
  out->structure = ReadStructure(view, lexicon, cues, out->entities);

  // summarise
  const bool is_decision =
      out->structure.genre == Genre::kDecision || out->structure.genre == Genre::kRegulatorDecision;
  // every mention in text order, sorted once: the narrative's reading and
  // a decision's acts both walk them
  const std::vector<Placed> mentions = MentionsInTextOrder(out->entities);
  out->recourse = Summarise(view, lexicon, cues, out->entities, mentions, !is_decision);
  ApplyDecisionIdentity(out->structure, &out->recourse);
  ApplyFilingStatus(out->structure, &out->recourse);
  ApplyDecisionParties(view, lexicon, cues, out->entities, out->structure, &out->recourse);
  ApplyDecisionReading(view, lexicon, cues, out->entities, mentions, out->structure, &out->recourse);
  out->quotes = FindQuotes(view, cues, out->entities);
  return Status::Ok();
}

}  // namespace lexfr
