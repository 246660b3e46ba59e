// source/date — the front matter's `date:` read as a moment: what the PDF's
// creation date is set from (handout headers show it as written).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace deckpdf {

// Seconds since 1970 (UTC) of a date as decks write one:
//   2026-03-14, 2026-03-14 15:30, 2026-03-14T15:30:05, with Z or +01:00 /
//   -0500 after the time; 14 March 2026, March 14, 2026, 14 Mar 2026.
// A date without a zone is taken as UTC (the same PDF wherever it is
// made). Nothing for anything else, or an impossible day or time.
std::optional<int64_t> date_parse(std::string_view text);

}  // namespace deckpdf
