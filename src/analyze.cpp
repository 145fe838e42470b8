#include "lexfr/analyze.h"

#include "recognise/names.h"
#include "recognise/legal_refs.h"
#include "recognise/link.h"
#include "recognise/money.h"
#include "io/sha256.h"
#include "lexicon/embedded.h"
#include "summarise/decision_recourse.h"

namespace lexfr {

Status LoadResources(const std::vector<std::string>& user_gazetteers, Resources* out) {
  out->structure_cues = CueSet(EmbeddedFileOrEmpty("data/cues/structure.tsv"));
  return LoadGazetteer(user_gazetteers, &out->gazetteer);
}

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
  out->segmentation = Segment(text);
  const Segmentation& seg = out->segmentation;

  // recognise: names and dates first, since legal references read them
  std::vector<std::vector<Candidate>> candidates(4);  // names, dates, legal refs, money
  candidates[0] = FindNames(text, seg, resources.gazetteer);
  DateOptions date_options = options.dates;
  if (!date_options.ref_date) date_options.ref_date = ParseCalendarDate(out->source.published);
  candidates[1] = FindDates(text, seg, date_options);
  candidates[2] = FindLegalRefs(text, seg, candidates[0], candidates[1]);
  candidates[3] = FindMoney(text, seg);

  // link
  out->entities = Link(text, seg, std::move(candidates));

  // read the structure: what the text is, a decision's identity
  out->structure = ReadStructure(text, seg, out->entities, resources.structure_cues);

  // summarise
  out->recourse = Summarise(text, seg, out->entities);
  ApplyDecisionIdentity(out->structure, &out->recourse);
  out->quotes = FindQuotes(text, seg, out->entities);
  return Status::Ok();
}

}  // namespace lexfr
