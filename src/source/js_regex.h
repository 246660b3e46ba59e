// source/js_regex — a JavaScript regular expression (a RegExp's source)
// compiled by PCRE2 with JavaScript's meaning, for the two places decks
// write them: highlight.js's grammars (highlight/regex) and the separators
// of reveal.js's markdown plugin (markdown/js_regex).
#pragma once

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include <string>
#include <string_view>

namespace deckpdf {

// `source` compiled: \uHHHH escapes (and \u{...}), `[]` and `[^]` as the
// empty and the any class, a back reference to an unset group matching
// the empty string; no UCP (JavaScript's \w, \d and \b are ASCII).
// `multiline` is the m flag (^ and $ at line ends; without it $ is the
// very end, not also before a final newline), `case_insensitive` the i
// flag. nullptr, with `error` set when given, when PCRE2 refuses it. The
// caller frees the code with pcre2_code_free.
pcre2_code* js_regex_compile(std::string_view source, bool multiline, bool case_insensitive,
                             std::string* error);

}  // namespace deckpdf
