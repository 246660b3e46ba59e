// Diagnostics: values with a severity, a stable code, a message and a Span.
//
// Stages append to a Diagnostics sink and return their output; nothing is
// thrown across a stage boundary. Printing follows compilers:
//   talk.pug:12:7: error: unclosed '(' of the attribute list [pug.unclosed-paren]
//      12 | h2(class="x"
//         |   ^
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "source/source.h"

namespace deckpdf {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // stable, e.g. "pug.inconsistent-indentation"
  std::string message;  // what and why, for a person
  Span span;
};

class Diagnostics {
 public:
  void error(Span span, std::string code, std::string message);
  void warning(Span span, std::string code, std::string message);
  void add(Diagnostic d);

  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  // Only the first `limit` diagnostics are kept; the rest are counted.
  size_t dropped() const { return dropped_; }
  bool has_code(const std::string& code) const;

 private:
  std::vector<Diagnostic> items_;
  std::unordered_set<std::string> seen_;  // one report per code, place and message
  size_t errors_ = 0;
  size_t dropped_ = 0;
  static constexpr size_t limit = 100;
};

// One diagnostic in compiler form with its source line and a caret.
std::string diagnostic_format(const Source& source, const Diagnostic& d, bool color);

}  // namespace deckpdf
