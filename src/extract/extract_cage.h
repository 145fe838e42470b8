// What the HTML and PDF extractors share about their child process
// (extract/cage.h): the limits ExtractOptions give, and the error each way a
// child can end becomes. Private to src/.
#pragma once

#include <cstddef>
#include <string_view>

#include "extract/cage.h"
#include "extract/extract.h"
#include "lexfr/status.h"

namespace lexfr {

// The limits for one document of `input_bytes`: CPU time --timeout, wall
// clock twice that, memory memory_base_bytes + memory_per_input_byte per
// input byte, output the text bound and room for the rest of the answer.
CageLimits CageLimitsFor(const ExtractOptions& options, size_t input_bytes);

// The error for a child that did not end by itself (r.end != kDone): "timeout",
// `too_complex` ("html_too_complex", "pdf_too_complex") for a crash, memory
// or output over the limits, "interrupted" (kInterrupted), "cage_failed"
// (kSoftware) when no child could be started. `what` names the parser in
// the message ("the HTML parser").
Status CageError(const CageResult& r, const ExtractOptions& options, std::string_view what, const char* too_complex);

}  // namespace lexfr
