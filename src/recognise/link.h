// Stage 4, link: candidates -> entities.
//
// In: every recogniser's candidates. Out: one Entity per distinct thing,
// sorted by first mention, with all its mentions and surface forms.
// Overlapping candidates of the same family (names; legal references; dates;
// money) resolve to the longest, then the highest priority; families may
// overlap each other ("loi du 6 janvier 1978" is a LEGAL_REF and holds a
// DATE). Candidates of one type and one canonical form are one entity: a
// person named later by surname alone joins the full name because
// recognise/names.cpp gives that mention the full name's canonical form.
//
// Thread-safety: pure function of its inputs.
#pragma once

#include <string_view>
#include <vector>

#include "lexfr/entity.h"
#include "text/segment.h"

namespace lexfr {

// `lists`: each recogniser's candidates, taken as they are (concatenating them
// first would hold every candidate twice at the run's peak of memory). Where
// two candidates tie on everything, the earlier list wins.
std::vector<Entity> Link(std::string_view text, const Segmentation& seg, std::vector<std::vector<Candidate>> lists);

}  // namespace lexfr
