// highlight/regex — PCRE2 with JavaScript's regex syntax (see regex.h).
#define PCRE2_CODE_UNIT_WIDTH 8
#include "highlight/regex.h"

#include <pcre2.h>

namespace deckpdf::highlight {

namespace {

// Backtracking steps one search may take: highlight.js's grammars need far
// fewer; a pattern that blows up on a hostile text stops here instead of
// hanging the export.
constexpr uint32_t kMatchLimit = 200000;
constexpr uint32_t kDepthLimit = 2000;

// One match context per thread, with the limits above.
pcre2_match_context* match_context() {
  struct Holder {
    pcre2_match_context* context = pcre2_match_context_create(nullptr);
    Holder() {
      pcre2_set_match_limit(context, kMatchLimit);
      pcre2_set_depth_limit(context, kDepthLimit);
    }
    ~Holder() { pcre2_match_context_free(context); }
  };
  thread_local Holder holder;
  return holder.context;
}

}  // namespace

std::unique_ptr<Regex> Regex::compile(std::string_view source, bool case_insensitive,
                                      std::string* error) {
  // JavaScript's meaning: \uHHHH escapes (ALT_BSUX, and \u{...} for the u
  // flag), `[]`/`[^]` as empty/any class, a back reference to an unset
  // group matching the empty string, ^ and $ at line ends (the m flag every
  // highlight.js regex has). No UCP: JavaScript's \w, \d and \b are ASCII.
  uint32_t options = PCRE2_UTF | PCRE2_MULTILINE | PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS |
                     PCRE2_MATCH_UNSET_BACKREF | PCRE2_NO_UTF_CHECK;
  if (case_insensitive) options |= PCRE2_CASELESS;
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
  pcre2_jit_compile(compiled, PCRE2_JIT_COMPLETE);  // interpreted when JIT is unavailable
  std::unique_ptr<Regex> regex(new Regex);
  regex->code_ = compiled;
  uint32_t count = 0;
  pcre2_pattern_info(compiled, PCRE2_INFO_CAPTURECOUNT, &count);
  regex->groups_ = count;
  return regex;
}

Regex::~Regex() {
  pcre2_code_free(static_cast<pcre2_code*>(code_));
}

bool Regex::run(std::string_view text, size_t start, unsigned options, Match& out) const {
  // One match block per thread, grown to the largest pattern seen: a
  // highlight makes thousands of searches, each would otherwise allocate.
  struct Data {
    pcre2_match_data* data = nullptr;
    uint32_t pairs = 0;
    ~Data() { pcre2_match_data_free(data); }
  };
  thread_local Data block;
  if (block.pairs < groups_ + 1) {
    pcre2_match_data_free(block.data);
    block.pairs = groups_ + 1;
    block.data = pcre2_match_data_create(block.pairs, nullptr);
  }
  auto* code = static_cast<pcre2_code*>(code_);
  int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), start,
                       options | PCRE2_NO_UTF_CHECK, block.data, match_context());
  if (rc == PCRE2_ERROR_NOMATCH) return false;
  if (rc < 0) throw RegexFailure{};
  PCRE2_SIZE* vector = pcre2_get_ovector_pointer(block.data);
  out.groups.assign(groups_ + 1, Match::Group{});
  for (int i = 0; i < rc; ++i) {
    if (vector[2 * i] != PCRE2_UNSET) out.groups[i] = {vector[2 * i], vector[2 * i + 1]};
  }
  return true;
}

bool Regex::search(std::string_view text, size_t start, Match& out) const {
  return run(text, start, 0, out);
}

bool Regex::match_at_start(std::string_view text, Match& out) const {
  return run(text, 0, PCRE2_ANCHORED, out);
}

}  // namespace deckpdf::highlight
