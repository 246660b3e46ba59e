// markdown/js_regex — JavaScript's RegExp meaning in PCRE2 (see js_regex.h).
#include "markdown/js_regex.h"

#include "source/js_regex.h"

namespace deckpdf::markdown {

namespace {

// Backtracking steps and depth one search may take: the plugin's patterns
// need a few per character; a hostile one stops here.
constexpr uint32_t match_limit = 1'000'000;
constexpr uint32_t depth_limit = 2000;

}  // namespace

std::unique_ptr<JsRegex> JsRegex::compile(std::string_view source, std::string_view flags,
                                          std::string* error) {
  pcre2_code* compiled = js_regex_compile(source, flags.find('m') != std::string_view::npos,
                                          flags.find('i') != std::string_view::npos, error);
  if (!compiled) return nullptr;
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
