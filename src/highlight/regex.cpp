// highlight/regex — PCRE2 with JavaScript's regex syntax (see regex.h).
#include "highlight/regex.h"

#include "source/js_regex.h"

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
  // Every highlight.js regex has the m flag.
  pcre2_code* compiled = js_regex_compile(source, true, case_insensitive, error);
  if (!compiled) return nullptr;
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
  // Interpreted when JIT is unavailable.
  std::call_once(jit_, [code] { pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); });
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
