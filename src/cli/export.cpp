// cli/export — the pipeline, in memory (export_to_memory): read and check
// the deck, parse it, build the deck (within limits), load the theme and
// the fonts, lay the slides out; then, for each product the job asks for
// (slides or builds, a handout, the notes), compose pages and render them.
// Every product is made from the one parse and the one layout.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "cli/job.h"
#include "cli/pipeline.h"

namespace deckpdf::cli {

namespace {

// With DECKPDF_TIMINGS set, each stage's wall time in ms on stderr, for the
// benchmark's "where the time goes".
class StageClock {
 public:
  StageClock() : on_(std::getenv("DECKPDF_TIMINGS") != nullptr), last_(now()) {}
  void lap(const char* stage) {
    if (!on_) return;
    auto t = now();
    std::fprintf(stderr, "deckpdf: %-8s %8.2f ms\n", stage,
                 std::chrono::duration<double, std::milli>(t - last_).count());
    last_ = t;
  }

 private:
  static std::chrono::steady_clock::time_point now() { return std::chrono::steady_clock::now(); }
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

std::vector<Product> products_of(const Job& job) {
  std::vector<Product> out;
  bool handout = !job.handout.empty(), notes = job.notes_only;
  if ((!handout && !notes) || job.mode == Mode::Builds || job.dump != Dump::None) {
    out.push_back(Product::Deck);
  }
  if (job.dump == Dump::None && handout) out.push_back(Product::Handout);
  if (job.dump == Dump::None && notes) out.push_back(Product::Notes);
  return out;
}

namespace {

// The stages in order; `stage` names the one running, for the message when
// memory runs out in it.
void export_stages(const Source& source, const Job& job, Export& r, const char*& stage) {
  Pipeline p(source, job, r);
  StageClock clock;
  stage = "checking the deck's text";
  if (!p.read_check()) return;
  stage = "parsing the Pug";
  if (!p.parse()) return;
  clock.lap("parse");
  if (job.dump == Dump::Html) {
    stage = "writing the HTML";
    p.dump_html();
    return;
  }
  stage = "finding the slides and fragments";
  p.deck_build();
  if (job.dump == Dump::Json) {
    p.dump_json();
    return;
  }
  if (!p.deck_limits()) return;
  clock.lap("deck");
  stage = "loading the theme";
  if (!p.theme_load()) return;
  stage = "loading the fonts";
  if (!p.fonts_load()) return;
  clock.lap("fonts");
  stage = "laying out the slides";
  if (!p.lay_out()) return;
  clock.lap("layout");
  if (job.dump == Dump::Layout) {
    p.dump_layout();
    return;
  }
  if (job.check) return;
  for (Product product : products_of(job)) {
    Output& out = r.outputs.emplace_back();
    out.product = product;
    compose::Handout made;  // the pages, and the lists they show besides the slides
    stage = "composing the pages";
    if (!p.compose(product, made)) return;
    if (job.pdfpc && r.outputs.size() == 1) out.pdfpc = p.pdfpc(made.pages);
    clock.lap("compose");
    stage = "writing the PDF";
    if (!p.render(made.pages, out)) return;
    clock.lap("pdf");
  }
}

}  // namespace

Export export_to_memory(const Source& source, const Job& job) {
  Export r;
  const char* stage = "starting";
  try {
    export_stages(source, job, r, stage);
  } catch (const std::bad_alloc&) {
    // Memory ran out (every size has a budget, but a machine may have less
    // than they allow): what was made is dropped and the message says
    // where, for which deck, rather than std::bad_alloc.
    r.outputs = std::vector<Output>();
    r.dump = std::string();
    r.exit_code = exit_deck;
    r.show_diags = true;
    double mb = static_cast<double>(source.text().size()) / (1 << 20);
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MB", mb);
    r.error = std::string("out of memory while ") + stage + " of " +
              (source.path().empty() ? std::string("<stdin>") : source.path()) + " (" + size +
              "); the deck needs more memory than this machine gives (see README.md, "
              "'Size budgets', for what a deck may hold)";
  }
  return r;
}

}  // namespace deckpdf::cli
