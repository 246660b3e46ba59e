// source/js_regex — JavaScript's RegExp meaning in PCRE2 (see js_regex.h).
#include "source/js_regex.h"

namespace deckpdf {

pcre2_code* js_regex_compile(std::string_view source, bool multiline, bool case_insensitive,
                             std::string* error) {
  uint32_t options = PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS |
                     PCRE2_MATCH_UNSET_BACKREF | PCRE2_NO_UTF_CHECK;
  options |= multiline ? PCRE2_MULTILINE : PCRE2_DOLLAR_ENDONLY;
  if (case_insensitive) options |= PCRE2_CASELESS;
  pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
  pcre2_set_compile_extra_options(context, PCRE2_EXTRA_ALT_BSUX);
  int code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* compiled = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                                       options, &code, &offset, context);
  pcre2_compile_context_free(context);
  if (!compiled && error) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(code, message, sizeof message);
    *error = reinterpret_cast<char*>(message);
    *error += " at offset " + std::to_string(offset);
  }
  return compiled;
}

}  // namespace deckpdf
