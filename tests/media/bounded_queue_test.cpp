// BoundedQueue: order, both bounds, finish and abort (the shutdown path of every player thread).
#include "media/bounded_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace etalase::media {
namespace {

using namespace std::chrono_literals;

TEST(BoundedQueue, PopsInPushOrder) {
  BoundedQueue<int> queue(10, 1000);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(queue.push(i, 1));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(queue.pop(), i);
}

TEST(BoundedQueue, ProducerWaitsWhenItemLimitReached) {
  BoundedQueue<int> queue(2, 1000);
  std::atomic<int> pushed{0};
  std::thread producer([&] {
    for (int i = 0; i < 3; ++i) {
      queue.push(i, 1);
      ++pushed;
    }
  });
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(pushed.load(), 2);
  EXPECT_TRUE(queue.isFull());
  EXPECT_EQ(queue.pop(), 0);
  producer.join();
  EXPECT_EQ(pushed.load(), 3);
  EXPECT_EQ(queue.size(), 2u);
}

TEST(BoundedQueue, ByteLimitCountsToo) {
  BoundedQueue<int> queue(100, 10);
  ASSERT_TRUE(queue.push(1, 6));
  EXPECT_FALSE(queue.isFull());
  std::atomic<bool> secondPushed{false};
  std::thread producer([&] {
    queue.push(2, 6);
    secondPushed = true;
  });
  std::this_thread::sleep_for(100ms);
  EXPECT_FALSE(secondPushed.load());
  EXPECT_EQ(queue.pop(), 1);
  producer.join();
  EXPECT_TRUE(secondPushed.load());
  EXPECT_EQ(queue.bytes(), 6u);
}

TEST(BoundedQueue, OversizedItemIsAcceptedIntoEmptyQueue) {
  BoundedQueue<int> queue(4, 10);
  EXPECT_TRUE(queue.push(7, 1000));
  EXPECT_EQ(queue.pop(), 7);
}

TEST(BoundedQueue, FinishLetsConsumerDrainThenEnd) {
  BoundedQueue<int> queue(4, 100);
  queue.push(1, 1);
  queue.finish();
  EXPECT_FALSE(queue.finishedAndEmpty());
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_EQ(queue.pop(), std::nullopt);
  EXPECT_TRUE(queue.finishedAndEmpty());
}

TEST(BoundedQueue, AbortWakesBlockedConsumerAndProducer) {
  BoundedQueue<int> empty(1, 100);
  BoundedQueue<int> full(1, 100);
  full.push(1, 1);
  std::optional<int> popped = 42;
  bool pushResult = true;
  std::thread consumer([&] { popped = empty.pop(); });
  std::thread producer([&] { pushResult = full.push(2, 1); });
  std::this_thread::sleep_for(50ms);
  empty.abort();
  full.abort();
  consumer.join();
  producer.join();
  EXPECT_EQ(popped, std::nullopt);
  EXPECT_FALSE(pushResult);
}

TEST(BoundedQueue, PeekSeesFrontAndSecondWithoutRemoving) {
  BoundedQueue<int> queue(4, 100);
  queue.push(5, 1);
  int front = 0, second = 0;
  EXPECT_TRUE(queue.peek([&](const int& v) { front = v; }));
  EXPECT_FALSE(queue.peekSecond([&](const int& v) { second = v; }));
  queue.push(6, 1);
  EXPECT_TRUE(queue.peekSecond([&](const int& v) { second = v; }));
  EXPECT_EQ(front, 5);
  EXPECT_EQ(second, 6);
  EXPECT_EQ(queue.size(), 2u);
}

}  // namespace
}  // namespace etalase::media
