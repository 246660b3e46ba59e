// markdown/js_regex — JavaScript's RegExp meaning in PCRE2 (see js_regex.h).
#define PCRE2_CODE_UNIT_WIDTH 8
#include "markdown/js_regex.h"

#include <pcre2.h>

namespace deckpdf::markdown {

namespace {

// Backtracking steps and depth one search may take: the plugin's patterns
// need a few per character; a hostile one stops here.
constexpr uint32_t match_limit = 1'000'000;
constexpr uint32_t depth_limit = 2000;

}  // namespace

std::unique_ptr<JsRegex> JsRegex::compile(std::string_view source, std::string_view flags,
                                          std::string* error) {
  // JavaScript's syntax: \uHHHH escapes, `[]` and `[^]`, a back reference to
  // an unset group matching empty. Without the m flag, `$` is the very end
  // (PCRE2's would also match before a final newline). No UCP: \w, \d and
  // \b are ASCII in JavaScript too.
  uint32_t options = PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS |
                     PCRE2_MATCH_UNSET_BACKREF | PCRE2_NO_UTF_CHECK;
  options |= flags.find('m') != std::string_view::npos ? PCRE2_MULTILINE : PCRE2_DOLLAR_ENDONLY;
  if (flags.find('i') != std::string_view::npos) options |= PCRE2_CASELESS;
  pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
  pcre2_set_compile_extra_options(context, PCRE2_EXTRA_ALT_BSUX);
  int code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* compiled = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                                       options, &code, &offset, context);
  pcre2_compile_context_free(context);
  if (!compiled) {
    if (error) {
      PCRE2_UCHAR message[256];
      pcre2_get_error_message(code, message, sizeof message);
      *error = reinterpret_cast<char*>(message);
      *error += " at offset " + std::to_string(offset);
    }
    return nullptr;
  }
  std::unique_ptr<JsRegex> regex(new JsRegex);
  regex->code_ = compiled;
  regex->data_ = pcre2_match_data_create_from_pattern(compiled, nullptr);
  return regex;
}

JsRegex::~JsRegex() {
  pcre2_match_data_free(static_cast<pcre2_match_data*>(data_));
  pcre2_code_free(static_cast<pcre2_code*>(code_));
}

bool JsRegex::search(std::string_view text, size_t start, Groups& out) const {
  if (exhausted_ || start > text.size()) return false;
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(context, match_limit);
  pcre2_set_depth_limit(context, depth_limit);
  auto* data = static_cast<pcre2_match_data*>(data_);
  int rc = pcre2_match(static_cast<pcre2_code*>(code_), reinterpret_cast<PCRE2_SPTR>(text.data()),
                       text.size(), start, PCRE2_NO_UTF_CHECK, data, context);
  pcre2_match_context_free(context);
  if (rc < 0) {
    if (rc != PCRE2_ERROR_NOMATCH) exhausted_ = true;
    return false;
  }
  uint32_t pairs = pcre2_get_ovector_count(data);
  PCRE2_SIZE* vector = pcre2_get_ovector_pointer(data);
  out.assign(pairs, Range{});
  for (uint32_t i = 0; i < pairs && i < static_cast<uint32_t>(rc); ++i) {
    if (vector[2 * i] != PCRE2_UNSET) out[i] = {vector[2 * i], vector[2 * i + 1]};
  }
  return true;
}

}  // namespace deckpdf::markdown
