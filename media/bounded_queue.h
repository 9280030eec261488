// A blocking FIFO bounded in item count and in bytes, closable from either side. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace etalase::media {

template <typename T>
class BoundedQueue {
 public:
  BoundedQueue(std::size_t maxItems, std::size_t maxBytes) : m_maxItems(maxItems), m_maxBytes(maxBytes) {}

  // Blocks while full. Returns false (dropping the item) once the queue is aborted.
  // An item larger than maxBytes is still accepted into an empty queue, so nothing deadlocks.
  bool push(T item, std::size_t bytes) {
    std::unique_lock lock(m_mutex);
    m_notFull.wait(lock, [&] { return m_aborted || !full(bytes); });
    if (m_aborted) return false;
    m_items.push_back({std::move(item), bytes});
    m_bytes += bytes;
    m_notEmpty.notify_one();
    return true;
  }

  // Blocks while empty. Returns nullopt once aborted, or once finished and drained.
  std::optional<T> pop() {
    std::unique_lock lock(m_mutex);
    m_notEmpty.wait(lock, [&] { return m_aborted || m_finished || !m_items.empty(); });
    return takeFrontLocked();
  }

  // Never blocks.
  std::optional<T> tryPop() {
    std::lock_guard lock(m_mutex);
    return takeFrontLocked();
  }

  // Calls f(const T&) on the front item without removing it; returns false when empty.
  template <typename F>
  bool peek(F&& f) const {
    std::lock_guard lock(m_mutex);
    if (m_items.empty() || m_aborted) return false;
    f(m_items.front().value);
    return true;
  }

  // Calls f(const T&) on the second item, if there is one.
  template <typename F>
  bool peekSecond(F&& f) const {
    std::lock_guard lock(m_mutex);
    if (m_items.size() < 2 || m_aborted) return false;
    f(m_items[1].value);
    return true;
  }

  // The producer has no more items: consumers drain what is left, then pop() returns nullopt.
  void finish() {
    std::lock_guard lock(m_mutex);
    m_finished = true;
    m_notEmpty.notify_all();
  }

  // Wakes everyone; all later pushes and pops fail. Used on shutdown.
  void abort() {
    std::lock_guard lock(m_mutex);
    m_aborted = true;
    m_items.clear();
    m_bytes = 0;
    m_notEmpty.notify_all();
    m_notFull.notify_all();
  }

  // Changes the item limit; a producer waiting for room re-checks at once.
  void setMaxItems(std::size_t maxItems) {
    std::lock_guard lock(m_mutex);
    m_maxItems = maxItems;
    m_notFull.notify_all();
  }

  // Empty and open again, as new (after a seek; no producer or consumer may be running).
  void reset() {
    std::lock_guard lock(m_mutex);
    m_items.clear();
    m_bytes = 0;
    m_aborted = false;
    m_finished = false;
  }

  bool finished() const {
    std::lock_guard lock(m_mutex);
    return m_finished;
  }
  bool finishedAndEmpty() const {
    std::lock_guard lock(m_mutex);
    return m_finished && m_items.empty();
  }
  std::size_t size() const {
    std::lock_guard lock(m_mutex);
    return m_items.size();
  }
  std::size_t bytes() const {
    std::lock_guard lock(m_mutex);
    return m_bytes;
  }
  bool isFull() const {
    std::lock_guard lock(m_mutex);
    return full(0);
  }

 private:
  struct Entry {
    T value;
    std::size_t bytes;
  };

  bool full(std::size_t incoming) const {
    if (m_items.empty()) return false;
    return m_items.size() >= m_maxItems || m_bytes + incoming > m_maxBytes;
  }

  std::optional<T> takeFrontLocked() {
    if (m_aborted || m_items.empty()) return std::nullopt;
    Entry entry = std::move(m_items.front());
    m_items.pop_front();
    m_bytes -= entry.bytes;
    m_notFull.notify_one();
    return std::move(entry.value);
  }

  mutable std::mutex m_mutex;
  std::condition_variable m_notEmpty;
  std::condition_variable m_notFull;
  std::deque<Entry> m_items;
  std::size_t m_bytes = 0;
  std::size_t m_maxItems;
  const std::size_t m_maxBytes;
  bool m_finished = false;
  bool m_aborted = false;
};

}  // namespace etalase::media
