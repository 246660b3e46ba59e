// highlight/regex — highlight.js's JavaScript regular expressions run by
// PCRE2: the options that give PCRE2 JavaScript's syntax and meaning, a
// search from an offset (JavaScript's `lastIndex` with the g flag) and an
// anchored match at an offset (highlight.js's `startsWith` on a substring),
// each within a backtracking budget.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace deckpdf::highlight {

// What a match found: the whole match and its groups as byte ranges; an
// unset group has begin == npos.
struct Match {
  static constexpr size_t npos = static_cast<size_t>(-1);
  struct Group {
    size_t begin = npos, end = npos;
    bool set() const { return begin != npos; }
  };
  std::vector<Group> groups;  // [0] is the whole match
  size_t begin() const { return groups[0].begin; }
  size_t end() const { return groups[0].end; }
  size_t size() const { return groups[0].end - groups[0].begin; }
};

// Why a search stopped without an answer it can trust: the backtracking
// budget ran out or PCRE2 failed. The highlighter then shows the block plain.
struct RegexFailure {};

class Regex {
 public:
  // JavaScript source with the flags highlight.js gives every regex (m, and
  // i for case-insensitive languages). `error` is PCRE2's message on failure.
  static std::unique_ptr<Regex> compile(std::string_view source, bool case_insensitive,
                                        std::string* error);
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // The first match starting at or after `start` in `text` (lookbehind sees
  // what comes before `start`). False when there is none; throws
  // RegexFailure when the budget runs out.
  bool search(std::string_view text, size_t start, Match& out) const;
  // A match that starts exactly at the beginning of `text`.
  bool match_at_start(std::string_view text, Match& out) const;
  // The number of capturing groups.
  unsigned groups() const { return groups_; }

 private:
  Regex() = default;
  bool run(std::string_view text, size_t start, unsigned options, Match& out) const;
  void* code_ = nullptr;
  unsigned groups_ = 0;
  // Compiled to machine code on first use, by one thread: a grammar has
  // hundreds of patterns and a block meets few of them.
  mutable std::once_flag jit_;
};

}  // namespace deckpdf::highlight
