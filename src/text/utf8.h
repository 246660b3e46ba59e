// text/utf8 — small UTF-8 helpers shared by the text and layout stages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "source/strings.h"

namespace deckpdf::text {

using deckpdf::utf8_append;  // source/strings.h
using deckpdf::utf8_next;

enum class CaseChange { Upper, Lower, Capitalize };
// Full-string case mapping (per code point, via the C library's Unicode
// tables; "ß" stays "ß" under Upper, as towupper gives it).
std::string change_case(std::string_view s, CaseChange how, bool at_word_start = true);

}  // namespace deckpdf::text
