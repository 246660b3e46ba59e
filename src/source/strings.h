// source/strings — UTF-8 and JSON string helpers every stage may use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace deckpdf {

// Decodes the code point at `i` and advances `i`; invalid bytes give U+FFFD.
uint32_t utf8_next(std::string_view s, size_t& i);
// Appends `cp` as UTF-8; surrogates and values past U+10FFFF become U+FFFD.
void utf8_append(std::string& out, uint32_t cp);
// `s` with runs of white space (space, tab, CR, LF) made single spaces and
// none at either end, as HTML renders text.
std::string squash_spaces(std::string_view s);
// `s` as the inside of a JSON string literal.
std::string json_escape(std::string_view s);
// `s` without ASCII white space (space, tab, LF, VT, FF, CR) at either end.
std::string_view trim(std::string_view s);
// `s` with A-Z made a-z; every other byte (UTF-8 included) kept.
std::string ascii_lower(std::string_view s);
// Whether `s` starts or ends with `affix`, ignoring ASCII case.
bool starts_with_nocase(std::string_view s, std::string_view affix);
bool ends_with_nocase(std::string_view s, std::string_view affix);

}  // namespace deckpdf
