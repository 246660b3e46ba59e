// markdown/reveal_slides — the text side of reveal.js's markdown plugin
// (reveal.js 6.0.2, plugin/markdown/plugin.js): a template's indentation
// removed (getMarkdownFromSlide), the text cut into slides and vertical
// stacks by the separators (slidify), and a slide's speaker notes cut off
// by the notes separator. The separators are JavaScript regular expressions
// applied to the raw text, as the plugin applies them, quirks included.
//
// Every byte of a MappedText remembers the source offset it came from, so
// the slides and notes rendered from it keep spans into the deck (or into
// the external Markdown file, in the deck's span space).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/markdown.h"
#include "source/diagnostic.h"

namespace deckpdf::markdown {

struct MappedText {
  std::string text;
  std::vector<uint32_t> at;  // at[i]: the source offset of text[i]

  void append(std::string_view s, uint32_t source_begin);    // bytes that are in the source
  void append_made(std::string_view s, uint32_t source_at);  // bytes that are not
  void append(const MappedText& other, size_t begin, size_t end);
  MappedText slice(size_t begin, size_t end) const;
  // As md4c's input: pieces where the offsets run on.
  MarkdownText to_markdown() const;
};

// reveal.js 6.0.2's defaults (plugin.js: DEFAULT_SLIDE_SEPARATOR and
// DEFAULT_NOTES_SEPARATOR). Note the plugin's own quirks: the separator has
// no anchors (`\n---\n` inside a fenced block or under a paragraph still
// splits) and the notes separator reads `s*`, not `\s*`.
inline constexpr std::string_view default_separator = "\r?\n---\r?\n";
inline constexpr std::string_view default_notes_separator = "^s*notes?:";

// What splitting met that reveal.js would not survive or that deckpdf had
// to bound, reported at `where`.
struct SplitReport {
  Diagnostics& diags;
  Span where;
};

// getMarkdownFromSlide's text fixes: `__SCRIPT_END__` back to `</script>`,
// then the first line's indentation (tabs, else spaces, counted by
// /^\n?(\s*)/ which counts blank lines too) removed from every line that
// has it, each such line starting a new "\n".
MappedText template_dedent(const MappedText& in);

// One slide of slidify's output: its Markdown, and the notes the notes
// separator cut off (`has_notes` when the split gave exactly two parts).
struct SlideText {
  MappedText markdown;
  MappedText notes;
  bool has_notes = false;
};
// A horizontal slide, or a vertical stack of them.
struct SlideGroup {
  std::vector<SlideText> slides;
  bool stack = false;
};

struct Separators {
  std::string separator{default_separator};
  std::string vertical;  // "" = none
  std::string notes{default_notes_separator};
};

// slidify: the text cut at every match of /separator|vertical/mg; a match
// that /separator/ (no flags) also matches is horizontal. Returns nothing
// (with an error) when a separator does not compile.
bool slidify(const MappedText& text, const Separators& seps, std::vector<SlideGroup>& out,
             SplitReport report);

// The notes split of one slide: String.prototype.split by /notes/mgi.
SlideText notes_split(const MappedText& slide, const std::string& notes_separator,
                      SplitReport report);

// Bytes that are not UTF-8 made '?' (one for one, so offsets hold): the
// regular expressions run in UTF mode on text they trust.
void utf8_sanitize(std::string& text);

}  // namespace deckpdf::markdown
