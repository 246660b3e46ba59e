// markdown/js_regex — a JavaScript regular expression (the source of a
// `new RegExp(source, flags)`) run by PCRE2, for the separators and comment
// patterns of reveal.js's markdown plugin, which a deck may set to any
// pattern: a backtracking budget per search instead of a hang.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace deckpdf::markdown {

class JsRegex {
 public:
  // A match's groups as byte ranges ([0] the whole match); an unset group
  // has begin == npos.
  static constexpr size_t npos = static_cast<size_t>(-1);
  struct Range {
    size_t begin = npos, end = npos;
  };
  using Groups = std::vector<Range>;

  // `flags` as JavaScript's: 'm' (^ and $ at line ends) and 'i' (case
  // insensitive); 'g' is the caller's loop. nullptr with `error` set when
  // PCRE2 refuses the pattern.
  static std::unique_ptr<JsRegex> compile(std::string_view source, std::string_view flags,
                                          std::string* error);
  ~JsRegex();
  JsRegex(const JsRegex&) = delete;
  JsRegex& operator=(const JsRegex&) = delete;

  // The first match starting at or after `start`. False when there is none
  // or when the budget ran out (then `exhausted()` is true from then on).
  bool search(std::string_view text, size_t start, Groups& out) const;
  bool exhausted() const { return exhausted_; }

 private:
  JsRegex() = default;
  void* code_ = nullptr;
  void* data_ = nullptr;
  mutable bool exhausted_ = false;
};

}  // namespace deckpdf::markdown
