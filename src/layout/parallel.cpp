#include "layout/parallel.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <optional>
#include <system_error>
#include <thread>

namespace deckpdf::layout {

struct ParallelLayout::Item {
  Diagnostics diags;
  std::vector<text::Shaper::MatchUse> matches;  // the font matches it was laid out with
  bool finished = false;
  bool redo = false;
};

struct ParallelLayout::Worker {
  text::Shaper shaper;
  style::Resolver styles;
  Worker(text::FontSet& fonts, const style::Resolver& base, Diagnostics& scratch)
      : shaper(fonts), styles(base, scratch) {
    shaper.defer_fallback(true);
  }
};

namespace {

struct Shared {
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
};

std::atomic<unsigned> jobs_at_once{1};

text::FontSet& fonts_of(Context& ctx) {
  return ctx.shaper.font_set();
}

}  // namespace

unsigned ParallelLayout::threads_for(size_t count) {
  if (const char* env = std::getenv("DECKPDF_LAYOUT_THREADS"); env && *env) {
    int n = std::atoi(env);
    return static_cast<unsigned>(std::clamp(n, 1, 64));
  }
  if (count < 8) return 1;
  unsigned cores = std::thread::hardware_concurrency() / std::max(1u, jobs_at_once.load());
  return std::clamp(cores, 1u, 8u);
}

void ParallelLayout::set_jobs_at_once(unsigned jobs) {
  jobs_at_once = jobs;
}

ParallelLayout::ParallelLayout(Context& ctx, size_t count, unsigned threads, Work work,
                               std::function<void(size_t done)> progress)
    : ctx_(ctx), count_(count), work_(std::move(work)) {
  threads = static_cast<unsigned>(std::min<size_t>(threads, count));
  if (threads <= 1) return;
  items_.resize(count);
  Shared shared;
  // Each thread takes the next item not yet taken, so threads finish
  // together however uneven the items are.
  // Nothing thrown leaves a thread: an item whose work threw (or that no
  // thread finished) is laid out again by take(), on the caller's thread,
  // where a sequential run would have met the same exception.
  auto loop = [&](Worker& w, bool caller) {
    for (size_t k = shared.next++; k < count_; k = shared.next++) {
      Item& item = items_[k];
      try {
        w.styles.diagnostics(item.diags);
        Context c{ctx_.doc, w.styles, w.shaper, item.diags};
        c.deck_dir = ctx_.deck_dir;
        c.asset_root = ctx_.asset_root;
        c.page_aspect = ctx_.page_aspect;
        c.center = ctx_.center;
        c.pictures = ctx_.pictures;
        c.tagged = ctx_.tagged;
        work_(c, k);
        if (w.shaper.take_fallback_wanted() || item.diags.dropped() > 0) item.redo = true;
        item.matches = w.shaper.take_matches();
        item.finished = true;
        size_t done = ++shared.done;
        if (caller && progress) progress(done);
      } catch (...) {
        item.redo = true;
        w.shaper.take_fallback_wanted();
        w.shaper.take_matches();
      }
    }
  };
  auto run = [&](bool caller) {
    try {
      Worker w(fonts_of(ctx_), ctx_.styles, scratch_);
      loop(w, caller);
    } catch (...) {
      // No worker to be had: the others, or take(), do its items.
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(run, false);
    } catch (const std::system_error&) {
      break;  // no thread to be had: fewer do the work
    }
  }
  run(true);
  for (std::thread& t : helpers) t.join();
  threads_ = static_cast<unsigned>(helpers.size() + 1);
}

ParallelLayout::~ParallelLayout() = default;

void ParallelLayout::take(size_t k) {
  if (items_.empty()) {
    work_(ctx_, k);
    return;
  }
  Item& item = items_[k];
  bool redo = item.redo || !item.finished;
  // A sequential run would have asked FontSet here, and FontSet remembers
  // the first answer: ask it now, in the same order, and lay the item out
  // again if the answer is not the one it was laid out with.
  for (size_t m = 0; !redo && m < item.matches.size(); ++m) {
    const text::Shaper::MatchUse& use = item.matches[m];
    if (ctx_.shaper.match(use.family_list, use.weight, use.italic) != use.font) redo = true;
  }
  if (redo) {
    ++redone_;
    work_(ctx_, k);
  } else {
    for (const Diagnostic& d : item.diags.items()) ctx_.diags.add(d);
  }
  item = Item{};
}

}  // namespace deckpdf::layout
