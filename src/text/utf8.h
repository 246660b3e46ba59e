// text/utf8 — small UTF-8 helpers shared by the text and layout stages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace deckpdf::text {

// Decodes the code point at `i` and advances `i`; invalid bytes give U+FFFD.
uint32_t utf8_next(std::string_view s, size_t& i);
void utf8_append(std::string& out, uint32_t cp);

enum class CaseChange { Upper, Lower, Capitalize };
// Full-string case mapping (per code point, via the C library's Unicode
// tables; "ß" stays "ß" under Upper, as towupper gives it).
std::string change_case(std::string_view s, CaseChange how, bool at_word_start = true);

}  // namespace deckpdf::text
