// Diagnostics: values with a severity, a stable code, a message and a Span.
//
// Stages append to a Diagnostics sink and return their output; nothing is
// thrown across a stage boundary. Printing follows compilers:
//   talk.pug:12:7: error: unclosed '(' of the attribute list [pug.unclosed-paren]
//      12 | h2(class="x"
//         |   ^
#pragma once

#include <memory>
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
  // The file `span` is in when it is not the deck: a theme, a handout
  // layout. Shared, since the file's text must outlive the stage that read it.
  std::shared_ptr<const Source> file;
  // When set, only the first diagnostic with this key is kept (a property
  // deckpdf does not draw is said once, at its first use, not at each).
  std::string once;
};

class Diagnostics {
 public:
  void error(Span span, std::string code, std::string message);
  void warning(Span span, std::string code, std::string message);
  void add(Diagnostic d);
  // A diagnostic in another file than the deck's (a theme, a layout).
  void error(std::shared_ptr<const Source> file, Span span, std::string code, std::string message);
  void warning(std::shared_ptr<const Source> file, Span span, std::string code,
               std::string message);

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

// One diagnostic in compiler form with its source line and a caret;
// `source` is the deck, used when the diagnostic names no file of its own.
std::string diagnostic_format(const Source& source, const Diagnostic& d, bool color);

}  // namespace deckpdf
