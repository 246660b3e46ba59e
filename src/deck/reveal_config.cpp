// deck/reveal_config — Reveal.initialize's literal options (see reveal_config.h).
#include "deck/reveal_config.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace deckpdf::deck {

namespace {

// Options with no effect on a print (reveal.js's config.js): interaction,
// animation, navigation, plugins.
constexpr std::array screen_only{
    "controls",
    "controlsTutorial",
    "controlsLayout",
    "controlsBackArrows",
    "progress",
    "hash",
    "hashOneBasedIndex",
    "respondToHashChanges",
    "jumpToSlide",
    "history",
    "keyboard",
    "keyboardCondition",
    "disableLayout",
    "overview",
    "touch",
    "loop",
    "shuffle",
    "help",
    "pause",
    "autoPlayMedia",
    "preloadIframes",
    "autoAnimate",
    "autoAnimateMatcher",
    "autoAnimateEasing",
    "autoAnimateDuration",
    "autoAnimateUnmatched",
    "autoAnimateStyles",
    "autoSlide",
    "autoSlideStoppable",
    "autoSlideMethod",
    "defaultTiming",
    "mouseWheel",
    "previewLinks",
    "postMessage",
    "postMessageEvents",
    "focusBodyOnPageVisibilityChange",
    "transition",
    "transitionSpeed",
    "backgroundTransition",
    "parallaxBackgroundImage",
    "parallaxBackgroundSize",
    "parallaxBackgroundRepeat",
    "parallaxBackgroundPosition",
    "parallaxBackgroundHorizontal",
    "parallaxBackgroundVertical",
    "viewDistance",
    "mobileViewDistance",
    "display",
    "hideInactiveCursor",
    "hideCursorTime",
    "plugins",
    "dependencies",
    "embedded",
    "rtl",
    "fragmentInURL",
    "minScale",
    "maxScale",
    "sortFragmentsOnSync",
    "scrollActivationWidth",
    "view",
    "scrollProgress",
    "scrollLayout",
    "scrollSnap",
    "navigationMode",
    "math",
    "highlight",
    "menu",
    "chalkboard",
    "seminar",
    "multiplex",
    "search",
    "zoomKey",
};

class Reader {
 public:
  Reader(std::string_view s, size_t i) : s_(s), i_(i) {}

  void skip_space() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (s_.substr(i_, 2) == "//") {
        size_t nl = s_.find('\n', i_);
        i_ = nl == std::string_view::npos ? s_.size() : nl;
      } else if (s_.substr(i_, 2) == "/*") {
        size_t end = s_.find("*/", i_ + 2);
        i_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else {
        break;
      }
    }
  }
  bool eat(char c) {
    skip_space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool done() const { return i_ >= s_.size(); }
  size_t at() const { return i_; }

  // An identifier, or a quoted key.
  std::optional<std::string> key() {
    skip_space();
    if (i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\'')) return string();
    size_t b = i_;
    while (i_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '$')) {
      ++i_;
    }
    if (i_ == b) return std::nullopt;
    return std::string(s_.substr(b, i_ - b));
  }

  std::optional<std::string> string() {
    char q = s_[i_++];
    std::string out;
    while (i_ < s_.size() && s_[i_] != q) {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) ++i_;
      out.push_back(s_[i_++]);
    }
    if (i_ >= s_.size()) return std::nullopt;
    ++i_;
    return out;
  }

  // A value as written: a string's content, or the raw text of anything
  // else up to the `,` or `}` that ends it (brackets and strings skipped).
  std::string value(bool& quoted) {
    skip_space();
    quoted = false;
    if (i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\'')) {
      quoted = true;
      return string().value_or("");
    }
    size_t b = i_;
    int depth = 0;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '"' || c == '\'' || c == '`') {
        char q = c;
        for (++i_; i_ < s_.size() && s_[i_] != q; ++i_) {
          if (s_[i_] == '\\') ++i_;
        }
      } else if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) break;
        --depth;
      } else if (c == ',' && depth == 0) {
        break;
      }
      ++i_;
    }
    std::string_view v = s_.substr(b, std::min(i_, s_.size()) - b);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
    return std::string(v);
  }

 private:
  std::string_view s_;
  size_t i_;
};

std::optional<double> number(const std::string& v) {
  if (v.empty()) return std::nullopt;
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end != v.c_str() + v.size()) return std::nullopt;
  return d;
}

}  // namespace

RevealConfig reveal_config_read(std::string_view script, uint32_t at, Diagnostics& diags) {
  RevealConfig config;
  size_t call = script.find("Reveal.initialize");
  if (call == std::string_view::npos) return config;
  Reader r(script, call + 17);
  if (!r.eat('(') || !r.eat('{')) return config;
  config.found = true;
  std::string ignored;
  auto span_at = [&](size_t b) {
    return Span{at + static_cast<uint32_t>(b), at + static_cast<uint32_t>(r.at())};
  };
  Span first_ignored{};
  while (!r.done() && !r.eat('}')) {
    size_t b = (r.skip_space(), r.at());
    std::optional<std::string> key = r.key();
    if (!key || !r.eat(':')) break;  // a spread, a method, a computed key: stop reading
    bool quoted = false;
    std::string v = r.value(quoted);
    bool applied = false;
    if (*key == "width" || *key == "height") {
      // A number of px; reveal.js's "80%" sizes against a window a print has not.
      std::optional<double> d = quoted ? std::nullopt : number(v);
      if (d && *d >= 100 && *d <= 20000) {
        (*key == "width" ? config.width : config.height) = d;
        applied = true;
      }
    } else if (*key == "margin") {
      // deckpdf keeps reveal.js's default margin around a slide.
      std::optional<double> d = quoted ? std::nullopt : number(v);
      config.margin = d;
      applied = d && *d == 0.04;
    } else if (*key == "center") {
      if (!quoted && (v == "true" || v == "false")) {
        config.center = v == "true";
        applied = true;
      }
    } else if (*key == "slideNumber") {
      if (quoted || v == "true" || v == "false") {
        config.slide_number = v;
        applied = true;
      }
    } else {
      applied = std::find(screen_only.begin(), screen_only.end(), *key) != screen_only.end();
    }
    if (!applied) {
      if (ignored.empty()) first_ignored = span_at(b);
      ignored += (ignored.empty() ? "" : ", ") + *key;
    }
    if (!r.eat(',')) {
      r.eat('}');
      break;
    }
  }
  if (!ignored.empty()) {
    diags.warning(first_ignored, "html.reveal-options-ignored",
                  "Reveal.initialize options deckpdf does not apply to the print (or whose values "
                  "it cannot read without running the page): " +
                      ignored);
  }
  return config;
}

}  // namespace deckpdf::deck
