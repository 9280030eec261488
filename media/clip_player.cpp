// Demux, decode and timing for a single clip.
#include "clip_player.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/imgutils.h>
}

#include <algorithm>
#include <deque>
#include <thread>
#include <cmath>

#include "log.h"
#include "timestamp_mender.h"

namespace etalase::media {

namespace {

// A few decoded frames are enough to ride out decoder jitter; more only costs memory.
constexpr std::size_t kVideoFramesAhead = 4;
// A clip waiting for its turn keeps just enough to cut to it at once (each 1080p frame is 3 MB).
constexpr std::size_t kVideoFramesPrerolled = 2;
constexpr std::size_t kVideoFrameBytesCap = 256u << 20;  // frames are bounded by count
constexpr std::size_t kVideoPacketItems = 2000;
constexpr std::size_t kVideoPacketBytes = 24u << 20;  // ~20 s of 1080p30 at 8 Mbit/s
constexpr std::size_t kAudioPacketItems = 1000;
constexpr std::size_t kAudioPacketBytes = 4u << 20;
constexpr std::size_t kPcmChunks = 64;
constexpr std::size_t kPcmBytes = kOutputSampleRate * kOutputChannels * sizeof(float) * 2 / 3;  // ~0.67 s
// Audio that has not been pulled for this long no longer drives the clock (device stalled or
// the audio track ended before the picture).
constexpr double kAudioAnchorStaleSeconds = 0.25;
// The picture's clock follows the sound's within this time constant...
constexpr double kAudioSlewSeconds = 0.3;
// ...unless they are further apart than this (a start, a stall): then it jumps to the sound.
constexpr double kAudioResyncSeconds = 0.04;
// Audio that outlasts the picture by more than this is cut, so the next clip is not held up.
constexpr double kAudioTailLimitSeconds = 0.5;
// A frame within this much of the clock counts as due: timestamps and the steady clock's
// nanoseconds never meet exactly.
constexpr double kDueToleranceSeconds = 0.0005;
// A picture further from where its predecessor ended than this is a leap in the file's
// timestamps, not a picture to wait for (or to drop as late): TimestampMender takes it out.
constexpr double kTimestampJumpSeconds = 1.5;
// With sound, a picture held longer than the jump limit still plays in step with its sound;
// only a leap beyond this is taken out (in both streams alike, so they stay together).
constexpr double kTimestampLeapWithSoundSeconds = 5.0;
// Hardware decode errors in a row (no picture between them) before software takes over: one
// corrupt slice is skipped as a software decoder would skip it.
constexpr int kHardwareErrorsBeforeFallback = 3;
// A decoder that neither takes input nor gives output is asked again after a millisecond,
// this many times, before the packet is skipped (or, when draining, the stream ended).
constexpr int kMaxDecoderStalls = 500;
// A sound device starting later than this behind the picture is a stall, not a slow start: the
// picture waits for the sound instead of skipping it.
constexpr double kMaxSoundSkipSeconds = 0.5;
// Packets kept for a hardware decoder's software stand-in: a GOP of 10 s at 20 Mbit/s.
constexpr std::size_t kKeyframeBacklogBytes = 24u << 20;
// When the decoder has nothing ready yet, look again this soon.
constexpr auto kStarvedPoll = std::chrono::milliseconds(4);
// Decode errors tolerated before a clip that never produced a picture is given up.
constexpr int kMaxDecodeErrorsBeforeFirstFrame = 50;

double seconds(SteadyTime::duration d) { return std::chrono::duration<double>(d).count(); }
SteadyTime::duration toDuration(double s) {
  return std::chrono::duration_cast<SteadyTime::duration>(std::chrono::duration<double>(s));
}

std::size_t frameBytes(const AVFrame* f) {
  const int size = av_image_get_buffer_size(static_cast<AVPixelFormat>(f->format), f->width, f->height, 1);
  return size > 0 ? static_cast<std::size_t>(size) : 0;
}

}  // namespace

Result<std::unique_ptr<ClipPlayer>> ClipPlayer::open(const std::string& path, const ClipOptions& options) {
  auto file = MediaFile::open(path, options.ioTimeout);
  if (!file) return file.error();
  auto player = std::make_unique<ClipPlayer>(Key{}, std::move(file.value()), options);
  if (player->m_decoderMissing) return *player->failure();
  return player;
}

ClipPlayer::ClipPlayer(Key, MediaFile file, const ClipOptions& options)
    : m_file(std::move(file)),
      m_options(options),
      m_videoPackets(kVideoPacketItems, kVideoPacketBytes),
      m_audioPackets(kAudioPacketItems, kAudioPacketBytes),
      m_frames(kVideoFramesPrerolled, kVideoFrameBytesCap),
      m_pcm(kPcmChunks, kPcmBytes) {
  const StreamInfo& info = m_file.info();
  auto video = openVideoDecoder();
  if (!video) {
    fail(video.error());
    m_decoderMissing = true;
    return;
  }
  m_videoDecoder = std::move(video.value());
  if (options.decodeAudio && info.audioStream >= 0) {
    auto audio = openDecoder(m_file, info.audioStream, 1);
    if (audio) {
      m_audioDecoder = std::move(audio.value());
      m_decodeAudio = true;
    } else {
      log::warn("{} (playing the picture without sound)", audio.error().text());
    }
  }
  startThreads();
}

ClipPlayer::~ClipPlayer() { stopThreads(); }

void ClipPlayer::startThreads() {
  m_demuxThread = std::thread([this] { demuxLoop(); });
  m_videoThread = std::thread([this] { videoDecodeLoop(); });
  if (m_decodeAudio) m_audioThread = std::thread([this] { audioDecodeLoop(); });
}

void ClipPlayer::stopThreads() {
  m_stop = true;
  m_file.watchdog().cancel();
  m_videoPackets.abort();
  m_audioPackets.abort();
  m_frames.abort();
  m_pcm.abort();
  for (std::thread* t : {&m_demuxThread, &m_videoThread, &m_audioThread}) {
    if (t->joinable()) t->join();
  }
}

Result<VideoDecoderPtr> ClipPlayer::openVideoDecoder() {
  const int stream = m_file.info().videoStream;
  if (m_options.hardware != HardwareDecode::Off && !m_hardwareFailed) {
    auto hardware = m_options.openHardware ? m_options.openHardware(m_file, stream, m_options.hardware)
                                           : openHardwareVideoDecoder(m_file, stream, m_options.hardware);
    if (hardware) {
      setDecoderDescription(hardware.value()->description());
      return hardware;
    }
    // A forced choice that cannot work is worth one warning; "auto" finding nothing is normal.
    static std::atomic<bool> warned{false};
    if (m_options.hardware == HardwareDecode::Auto) {
      log::debug("{}: no hardware decoder ({}); decoding in software", path(), hardware.error().what);
    } else if (!warned.exchange(true)) {
      log::warn("{}: {} decoding unavailable ({}); decoding in software", path(),
                hardwareDecodeName(m_options.hardware), hardware.error().what);
    }
  }
  auto software = openSoftwareVideoDecoder(m_file, stream, m_options.decoderThreads);
  if (software) setDecoderDescription(software.value()->description());
  return software;
}

void ClipPlayer::setDecoderDescription(std::string description) {
  std::lock_guard lock(m_descriptionMutex);
  m_decoderDescription = std::move(description);
}

std::string ClipPlayer::decoderDescription() const {
  std::lock_guard lock(m_descriptionMutex);
  return m_decoderDescription;
}

Result<bool> ClipPlayer::seek(double seconds) {
  if (m_decoderMissing) return Error{path(), "cannot seek: the clip has no decoder"};
  stopThreads();
  for (auto* queue : {&m_videoPackets, &m_audioPackets}) queue->reset();
  m_frames.reset();
  m_pcm.reset();
  m_stop = false;
  m_file.watchdog().resume();
  // Decoders are freed at the end of the stream; a seek from there needs them again.
  if (m_videoDecoder) {
    m_videoDecoder->flush();
  } else if (auto reopened = openVideoDecoder()) {
    m_videoDecoder = std::move(reopened.value());
  } else {
    fail(reopened.error());
    return reopened.error();
  }
  if (m_decodeAudio && m_audioDecoder) {
    avcodec_flush_buffers(m_audioDecoder.get());
  } else if (m_decodeAudio) {
    auto reopened = openDecoder(m_file, info().audioStream, 1);
    if (!reopened) {
      fail(reopened.error());
      return reopened.error();
    }
    m_audioDecoder = std::move(reopened.value());
  }
  const AVStream* stream = m_file.format()->streams[info().videoStream];
  const int64_t target = static_cast<int64_t>(std::max(0.0, seconds) / av_q2d(stream->time_base)) +
                         (stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time);
  m_file.watchdog().arm(m_options.ioTimeout);
  const int rc = av_seek_frame(m_file.format(), info().videoStream, target, AVSEEK_FLAG_BACKWARD);
  m_seekTarget = seconds;
  m_firstFrameDecoded = false;
  m_partial = PcmChunk{};
  m_soundEnd = seconds;
  m_partialOffset = 0;
  m_partialEmpty = true;
  m_audioCut = false;
  m_endAtPicture = false;
  m_soundJoinsPicture = false;
  m_pictureEnd = std::numeric_limits<double>::infinity();
  {
    std::lock_guard lock(m_anchorMutex);
    m_anchorValid = false;
  }
  m_current = VideoFrame{};
  m_haveCurrent = false;
  m_started = false;
  startThreads();
  if (rc < 0) return Error{path(), "cannot seek: " + av::errorText(rc)};
  return true;
}

void ClipPlayer::fail(Error error) {
  std::lock_guard lock(m_failureMutex);
  if (!m_failure) m_failure = std::move(error);
}

std::optional<Error> ClipPlayer::failure() const {
  std::lock_guard lock(m_failureMutex);
  return m_failure;
}

bool ClipPlayer::ready() const {
  return m_firstFrameDecoded.load() || failure().has_value() || m_frames.finishedAndEmpty();
}

void ClipPlayer::demuxLoop() {
  const int videoIndex = m_file.info().videoStream;
  const int audioIndex = m_decodeAudio ? m_file.info().audioStream : -1;
  av::PacketPtr packet = av::makePacket();
  const double videoTimeBase = av_q2d(m_file.info().videoTimeBase);
  const double frameInterval = 1.0 / m_file.info().frameRate;
  double pictureEnd = 0.0;  // known here long before the decoder gets there
  TimestampMender mender(leapLimit());
  while (!m_stop) {
    m_file.watchdog().arm(m_options.ioTimeout);
    const int rc = av_read_frame(m_file.format(), packet.get());
    if (rc == AVERROR(EAGAIN)) continue;
    if (rc < 0) {
      if (rc == AVERROR_EOF && pictureEnd > 0.0) m_pictureEnd = pictureEnd;
      if (rc != AVERROR_EOF && !m_stop) {
        log::warn("{}: read stopped: {}", m_file.path(),
                  m_file.watchdog().expired() ? "timed out" : av::errorText(rc));
      }
      break;
    }
    const std::size_t size = static_cast<std::size_t>(std::max(packet->size, 0));
    if (packet->stream_index == videoIndex) {
      const int64_t pts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
      if (pts != AV_NOPTS_VALUE) {
        const double start = mender.mend(pts * videoTimeBase, pictureEnd > 0.0 ? pictureEnd : NAN);
        pictureEnd = std::max(pictureEnd, start + (packet->duration > 0 ? packet->duration * videoTimeBase : frameInterval));
      }
      m_videoPackets.push(std::move(packet), size);
      packet = av::makePacket();
    } else if (packet->stream_index == audioIndex) {
      m_audioPackets.push(std::move(packet), size);
      packet = av::makePacket();
    } else {
      av_packet_unref(packet.get());
    }
  }
  m_videoPackets.finish();
  m_audioPackets.finish();
}

// Packets since the last keyframe, kept while a hardware decoder runs: if it fails mid-clip, a
// software decoder starts again from that keyframe and the picture carries on without a jump.
struct ClipPlayer::KeyframeBacklog {
  std::vector<av::PacketPtr> packets;
  std::size_t bytes = 0;
  bool fromKeyframe = true;  // a clip (and a seek) starts at a keyframe

  void keep(av::PacketPtr packet) {
    if (packet->flags & AV_PKT_FLAG_KEY) clear(true);
    if (!fromKeyframe) return;
    bytes += static_cast<std::size_t>(std::max(packet->size, 0));
    packets.push_back(std::move(packet));
    if (bytes > kKeyframeBacklogBytes) clear(false);  // a software decoder would wait for the next keyframe
  }
  void clear(bool atKeyframe) {
    packets.clear();
    bytes = 0;
    fromKeyframe = atKeyframe;
  }
};

struct ClipPlayer::DecodeProgress {
  DecodeProgress(double leapLimit, double frameInterval) : lastPts(-frameInterval), mender(leapLimit) {}
  double lastPts;                 // of the last picture decoded, as in the file
  double lastQueuedPts = NAN;     // of the last picture handed to the queue, mended (when it is shown)
  double lastDuration = 0.0;      // the file's duration for that picture, if it gives one
  int picturesOut = 0;            // pictures the decoders have delivered
  int hardwareErrors = 0;         // in a row, without a picture between them
  // Timestamps (as in the file) of recent pictures handed to the queue: after a decoder change the
  // new decoder's pictures up to the first one not among them were shown already. Compared one
  // by one, not by order, because the files this is for may have timestamps that leap back.
  std::deque<int64_t> recentQueued;
  bool replaying = false;
  bool waitForKeyframe = false;   // a new decoder without a backlog starts at the next keyframe
  TimestampMender mender;
  int leapsLogged = 0;
};

// Hands every picture the decoder has ready to the queue. Returns AVERROR(EAGAIN) when it wants
// more input, AVERROR_EOF at the end, 1 when the player stops, or the decoder's error.
int ClipPlayer::receivePictures(av::FramePtr& frame, DecodeProgress& progress) {
  constexpr std::size_t kRecentQueued = 1024;
  const double timeBase = av_q2d(m_file.info().videoTimeBase);
  const double frameInterval = 1.0 / m_file.info().frameRate;
  while (!m_stop) {
    if (const int rc = m_videoDecoder->receive(frame.get()); rc < 0) return rc;
    ++progress.picturesOut;
    progress.hardwareErrors = 0;
    const int64_t stamp = frame->best_effort_timestamp;
    const double pts = stamp == AV_NOPTS_VALUE ? progress.lastPts + frameInterval : stamp * timeBase;
    progress.lastPts = pts;
    if (progress.replaying) {
      const auto& recent = progress.recentQueued;
      progress.replaying = stamp != AV_NOPTS_VALUE && std::find(recent.begin(), recent.end(), stamp) != recent.end();
    }
    const bool beforeSeekTarget = pts < m_seekTarget.load() - frameInterval / 2;  // seeks are in file time
    if (beforeSeekTarget || progress.replaying) {
      av_frame_unref(frame.get());
      continue;
    }
    // A picture held on screen for long (a still in a variable-frame-rate clip) says so in its
    // duration: the next one is expected after it, not one frame interval on.
    const double step = std::max(frameInterval, progress.lastDuration);
    const double shownAt = progress.mender.mend(pts, progress.lastQueuedPts + step);  // NaN for the first
    if (progress.mender.leaps() > progress.leapsLogged) {
      progress.leapsLogged = progress.mender.leaps();
      log::warn("{}: the video's timestamps leap at {:.1f} s; playing on as if they did not", path(), shownAt);
    }
    progress.lastQueuedPts = shownAt;
    progress.lastDuration = frame->pkt_duration > 0 ? frame->pkt_duration * timeBase : 0.0;
    progress.recentQueued.push_back(stamp);
    if (progress.recentQueued.size() > kRecentQueued) progress.recentQueued.pop_front();
    const std::size_t bytes = frameBytes(frame.get());
    m_firstFrameDecoded = true;
    if (!m_frames.push(VideoFrame{std::move(frame), shownAt}, bytes)) return 1;
    frame = av::makeFrame();
  }
  return 1;
}

bool ClipPlayer::takeOverInSoftware(int error, KeyframeBacklog& backlog, av::FramePtr& frame,
                                    DecodeProgress& progress) {
  const std::string failed = decoderDescription();
  auto software = openSoftwareVideoDecoder(m_file, m_file.info().videoStream, m_options.decoderThreads);
  if (!software) {
    log::warn("{}: the hardware decoder {} failed ({}) and no software decoder opens: {}", path(), failed,
              av::errorText(error), software.error().what);
    return false;
  }
  log::warn("{}: the hardware decoder {} failed at {:.2f} s ({}); carrying on in software", path(), failed,
            std::isnan(progress.lastQueuedPts) ? 0.0 : progress.lastQueuedPts, av::errorText(error));
  m_videoDecoder = std::move(software.value());
  m_hardwareFailed = true;  // a seek reopens the decoder: in software from now on
  setDecoderDescription(m_videoDecoder->description());
  progress.replaying = !progress.recentQueued.empty();
  progress.waitForKeyframe = !backlog.fromKeyframe;
  for (const av::PacketPtr& packet : backlog.packets) {
    if (m_stop) break;
    if (m_videoDecoder->send(packet.get()) < 0) continue;
    if (receivePictures(frame, progress) == 1) break;
  }
  backlog.clear(false);
  return true;
}

void ClipPlayer::videoDecodeLoop() {
  DecodeProgress progress(leapLimit(), 1.0 / m_file.info().frameRate);
  KeyframeBacklog backlog;
  int errors = 0;
  int stalls = 0;
  av::FramePtr frame = av::makeFrame();
  av::PacketPtr pending;  // a packet the decoder has not taken yet
  bool draining = false;
  auto isError = [](int rc) { return rc < 0 && rc != AVERROR(EAGAIN) && rc != AVERROR_EOF; };
  while (!m_stop) {
    if (!pending && !draining) {
      if (auto next = m_videoPackets.pop()) {
        pending = std::move(*next);
      } else {
        draining = true;
      }
    }
    if (pending && progress.waitForKeyframe) {
      if (!(pending->flags & AV_PKT_FLAG_KEY)) {
        pending.reset();
        continue;
      }
      progress.waitForKeyframe = false;
    }
    const bool hardware = m_videoDecoder->hardware();
    const int sent = m_videoDecoder->send(pending.get());  // nullptr when draining
    if (pending && (sent >= 0 || isError(sent))) {
      // Taken, or refused as bad: either way a software stand-in gets it again from the backlog.
      if (hardware) backlog.keep(std::move(pending));
      pending.reset();
    }
    const int picturesBefore = progress.picturesOut;
    const int received = isError(sent) ? AVERROR(EAGAIN) : receivePictures(frame, progress);
    if (received == 1) break;
    if (const int error = isError(sent) ? sent : received; isError(error)) {
      if (hardware && ++progress.hardwareErrors >= kHardwareErrorsBeforeFallback &&
          takeOverInSoftware(error, backlog, frame, progress)) {
        continue;
      }
      ++errors;
      log::debug("{}: video decode error: {}", m_file.path(), av::errorText(error));
      if (!m_firstFrameDecoded && errors > kMaxDecodeErrorsBeforeFirstFrame) {
        fail({m_file.path(), "cannot decode the video: " + av::errorText(error)});
        break;
      }
      continue;
    }
    if (received == AVERROR_EOF) break;
    // EAGAIN from send: the decoder wants its output read first, which has just happened; the
    // same packet goes again. A decoder that makes no progress at all is waited for briefly.
    const bool progressed = sent >= 0 || progress.picturesOut > picturesBefore;
    stalls = progressed ? 0 : stalls + 1;
    if (stalls > 0) {
      if (stalls > kMaxDecoderStalls) {
        log::warn("{}: the video decoder stopped responding{}", path(), draining ? " at the end" : "; skipping a packet");
        if (draining) break;
        pending.reset();
        stalls = 0;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  if (!m_firstFrameDecoded && !m_stop) fail({m_file.path(), "the video has no picture that can be decoded"});
  if (m_firstFrameDecoded && !m_stop) m_pictureEnd = progress.lastQueuedPts + 1.0 / m_file.info().frameRate;
  // The decoder's reference pictures are dead weight now, while the next clip pre-rolls.
  m_videoDecoder.reset();
  m_frames.finish();
}

double ClipPlayer::leapLimit() const { return m_decodeAudio ? kTimestampLeapWithSoundSeconds : kTimestampJumpSeconds; }

void ClipPlayer::audioDecodeLoop() {
  AVCodecContext* decoder = m_audioDecoder.get();
  const AVRational timeBase = m_file.info().audioTimeBase;
  av::SwrPtr resampler;
  AVChannelLayout inputLayout{};
  int inputRate = 0;
  int inputFormat = -1;
  double nextPts = NAN;
  TimestampMender mender(leapLimit());  // leaps as the picture's do, so they stay together
  av::FramePtr frame = av::makeFrame();
  AVChannelLayout stereo{};
  av_channel_layout_default(&stereo, kOutputChannels);

  auto emit = [&](const uint8_t** input, int inputSamples) -> bool {
    const int capacity = swr_get_out_samples(resampler.get(), inputSamples);
    if (capacity <= 0) return true;
    PcmChunk chunk;
    chunk.samples.resize(static_cast<std::size_t>(capacity) * kOutputChannels);
    uint8_t* out = reinterpret_cast<uint8_t*>(chunk.samples.data());
    const int produced = swr_convert(resampler.get(), &out, capacity, input, inputSamples);
    if (produced <= 0) return true;
    chunk.samples.resize(static_cast<std::size_t>(produced) * kOutputChannels);
    chunk.pts = std::isnan(nextPts) ? 0.0 : nextPts;
    nextPts = chunk.pts + static_cast<double>(produced) / kOutputSampleRate;
    if (nextPts < m_seekTarget.load()) return true;  // before a seek's target: not heard
    const std::size_t bytes = chunk.samples.size() * sizeof(float);
    return m_pcm.push(std::move(chunk), bytes);
  };

  bool draining = false;
  while (!m_stop) {
    std::optional<av::PacketPtr> packet;
    if (!draining) {
      packet = m_audioPackets.pop();
      if (!packet) draining = true;
    }
    const int sent = avcodec_send_packet(decoder, draining ? nullptr : packet->get());
    if (sent < 0 && sent != AVERROR(EAGAIN) && sent != AVERROR_EOF) continue;  // skip a bad packet
    bool ended = false;
    while (!m_stop) {
      const int rc = avcodec_receive_frame(decoder, frame.get());
      if (rc == AVERROR_EOF) ended = true;
      if (rc < 0) break;
      AVChannelLayout layout{};
      if (frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || frame->ch_layout.nb_channels == 0) {
        av_channel_layout_default(&layout, std::max(frame->ch_layout.nb_channels, 1));
      } else {
        av_channel_layout_copy(&layout, &frame->ch_layout);
      }
      if (!resampler || frame->sample_rate != inputRate || frame->format != inputFormat ||
          av_channel_layout_compare(&layout, &inputLayout) != 0) {
        SwrContext* raw = nullptr;
        if (swr_alloc_set_opts2(&raw, &stereo, AV_SAMPLE_FMT_FLT, kOutputSampleRate, &layout,
                                static_cast<AVSampleFormat>(frame->format), frame->sample_rate, 0,
                                nullptr) < 0 ||
            swr_init(raw) < 0) {
          swr_free(&raw);
          log::warn("{}: cannot convert its audio ({} Hz); playing without sound", m_file.path(),
                    frame->sample_rate);
          av_channel_layout_uninit(&layout);
          m_pcm.finish();
          return;
        }
        resampler.reset(raw);
        av_channel_layout_uninit(&inputLayout);
        av_channel_layout_copy(&inputLayout, &layout);
        inputRate = frame->sample_rate;
        inputFormat = frame->format;
      }
      av_channel_layout_uninit(&layout);
      if (frame->best_effort_timestamp != AV_NOPTS_VALUE) {
        nextPts = mender.mend(frame->best_effort_timestamp * av_q2d(timeBase), nextPts);
      }
      if (!emit(const_cast<const uint8_t**>(frame->extended_data), frame->nb_samples)) break;
      av_frame_unref(frame.get());
    }
    if (ended) break;
  }
  if (resampler && !m_stop) emit(nullptr, 0);  // what the resampler still holds
  m_audioDecoder.reset();
  av_channel_layout_uninit(&inputLayout);
  av_channel_layout_uninit(&stereo);
  m_pcm.finish();
}

void ClipPlayer::letSoundJoinPicture(double pts, SteadyTime now) {
  std::lock_guard lock(m_anchorMutex);
  if (m_anchorValid) return;  // the sound already runs (a pre-rolled clip): it leads
  m_join = SoundJoin{pts, now, m_join.request + 1};
  m_soundJoinsPicture = true;
}

double ClipPlayer::partialPosition() const noexcept {
  return m_partial.pts + static_cast<double>(m_partialOffset / kOutputChannels) / kOutputSampleRate;
}

bool ClipPlayer::skipSoundTo(double pts) noexcept {
  while (true) {
    if (m_partialOffset >= m_partial.samples.size()) {
      auto chunk = m_pcm.tryPop();
      if (!chunk) return false;  // not decoded yet: the next read goes on
      m_partial = std::move(*chunk);
      m_partialOffset = 0;
    }
    const double at = partialPosition();
    // The picture starts well after the sound (a file that opens on sound alone): that sound is
    // part of the clip, so it plays and the picture waits for it.
    if (pts - at > kMaxSoundSkipSeconds) return true;
    const auto behind = static_cast<std::size_t>(std::max(0.0, (pts - at) * kOutputSampleRate));
    const std::size_t available = (m_partial.samples.size() - m_partialOffset) / kOutputChannels;
    m_partialOffset += std::min(behind, available) * kOutputChannels;
    m_soundEnd = partialPosition();
    if (behind <= available) return true;
  }
}

void ClipPlayer::joinSoundToPicture(SteadyTime heardAt) noexcept {
  SoundJoin join;
  {
    std::lock_guard lock(m_anchorMutex);
    join = m_join;
  }
  const double late = seconds(heardAt - join.pictureStartedAt);
  const bool done = late <= 0.0 || late >= kMaxSoundSkipSeconds || skipSoundTo(join.picturePts + late);
  if (!done) return;
  std::lock_guard lock(m_anchorMutex);
  if (m_join.request == join.request) m_soundJoinsPicture = false;  // unless asked again meanwhile
}

int ClipPlayer::readAudio(float* out, int frames, SteadyTime heardAt, bool endAtPicture) noexcept {
  if (m_paused || m_audioCut) return 0;
  if (endAtPicture) m_endAtPicture = true;
  if (m_soundJoinsPicture) joinSoundToPicture(heardAt);
  int written = 0;
  double firstPts = NAN;
  const double pictureEnd = m_pictureEnd.load();
  while (written < frames) {
    if (m_partialOffset >= m_partial.samples.size()) {
      auto chunk = m_pcm.tryPop();
      if (!chunk && endAtPicture && m_pcm.finishedAndEmpty() && std::isfinite(pictureEnd)) {
        // Sound shorter than the picture: silence up to the picture's end, so the next clip's
        // sound (and with it the next clip's clock) starts when its picture does.
        const auto missing = static_cast<int>(std::max(0.0, (pictureEnd - m_soundEnd) * kOutputSampleRate));
        const int n = std::min(missing, frames - written);
        if (n == 0) {
          m_audioCut = true;
          break;
        }
        if (std::isnan(firstPts)) firstPts = m_soundEnd;
        std::fill_n(out + static_cast<std::size_t>(written) * kOutputChannels, n * kOutputChannels, 0.0f);
        written += n;
        m_soundEnd += static_cast<double>(n) / kOutputSampleRate;
        continue;
      }
      if (!chunk) break;
      m_partial = std::move(*chunk);
      m_partialOffset = 0;
    }
    std::size_t available = (m_partial.samples.size() - m_partialOffset) / kOutputChannels;
    if (endAtPicture) {
      const double at = partialPosition();
      const double beforeEnd = std::max(0.0, (pictureEnd - at) * kOutputSampleRate);
      if (beforeEnd < static_cast<double>(available)) {
        available = static_cast<std::size_t>(beforeEnd);
        if (available == 0) {
          m_audioCut = true;
          break;
        }
      }
    }
    const std::size_t n = std::min<std::size_t>(available, static_cast<std::size_t>(frames - written));
    if (std::isnan(firstPts)) {
      firstPts = partialPosition();
    }
    std::copy_n(m_partial.samples.data() + m_partialOffset, n * kOutputChannels,
                out + static_cast<std::size_t>(written) * kOutputChannels);
    m_partialOffset += n * kOutputChannels;
    written += static_cast<int>(n);
    m_soundEnd = partialPosition();
  }
  m_partialEmpty = m_partialOffset >= m_partial.samples.size();
  if (written > 0) {
    std::lock_guard lock(m_anchorMutex);
    m_anchorValid = true;
    m_anchorPts = firstPts;
    m_anchorTime = heardAt;
  }
  return written;
}

bool ClipPlayer::audioFinished() const {
  if (!m_decodeAudio || m_audioCut.load()) return true;
  return !m_endAtPicture.load() && m_pcm.finishedAndEmpty() && m_partialEmpty.load();
}

void ClipPlayer::start(SteadyTime now) {
  m_started = true;
  m_frames.setMaxItems(kVideoFramesAhead);
  m_clockTime = now;
  m_frames.peek([&](const VideoFrame& f) { m_clockValue = f.pts; });
  letSoundJoinPicture(m_clockValue, now);
}

void ClipPlayer::setPaused(bool paused, SteadyTime now) {
  if (paused == m_paused) return;
  if (paused) {
    clockAt(now);
    m_paused = true;
  } else {
    {
      std::lock_guard lock(m_anchorMutex);
      m_anchorValid = false;  // the audio re-anchors when it flows again
    }
    m_clockTime = now;
    letSoundJoinPicture(m_clockValue, now);
    m_paused = false;
  }
}

double ClipPlayer::clockAt(SteadyTime now) {
  if (m_paused || !m_started) return m_clockValue;
  const double elapsed = seconds(now - m_clockTime);
  double value = m_clockValue + elapsed;
  {
    std::lock_guard lock(m_anchorMutex);
    if (m_anchorValid && seconds(now - m_anchorTime) < kAudioAnchorStaleSeconds) {
      // Each sound buffer's anchor carries the jitter of the moment its callback ran (a few ms),
      // though the device plays the samples evenly: follow the sound's clock smoothly, so the
      // pictures keep an even pace, and jump to it only when it is clearly elsewhere.
      const double sound = m_anchorPts + seconds(now - m_anchorTime);
      const double drift = sound - value;
      value += std::fabs(drift) > kAudioResyncSeconds ? drift : drift * std::min(1.0, elapsed / kAudioSlewSeconds);
    }
  }
  // Never step back: the picture holds briefly instead, while audio catches up.
  m_clockValue = std::max(value, m_clockValue);
  m_clockTime = now;
  return m_clockValue;
}

double ClipPlayer::position(SteadyTime now) { return clockAt(now); }

void ClipPlayer::releaseLastPicture() {
  if (m_haveCurrent && m_frames.finishedAndEmpty()) m_current.frame.reset();
}

const AVFrame* ClipPlayer::peekNextFrame() const {
  const AVFrame* next = nullptr;
  m_frames.peek([&](const VideoFrame& f) { next = f.frame.get(); });
  return next;
}

ClipPlayer::Pick ClipPlayer::pick(SteadyTime now) {
  Pick result;
  if (!m_started && m_frames.size() > 0) start(now);  // after a seek
  const double clock = clockAt(now);
  const double dueBy = clock + kDueToleranceSeconds;
  const double frameInterval = 1.0 / m_file.info().frameRate;
  while (true) {
    double frontPts = 0.0;
    if (!m_frames.peek([&](const VideoFrame& f) { frontPts = f.pts; })) break;
    if (m_haveCurrent && frontPts > dueBy) break;
    double secondPts = 0.0;
    const bool hasSecond = m_frames.peekSecond([&](const VideoFrame& f) { secondPts = f.pts; });
    auto front = m_frames.tryPop();
    if (!front) break;
    if (hasSecond && secondPts <= dueBy && m_haveCurrent) {
      ++m_droppedFrames;  // late: its successor is already due
      continue;
    }
    m_current = std::move(*front);
    m_haveCurrent = true;
    result.newFrame = m_current.frame.get();
    break;
  }

  double frontPts = 0.0;
  if (m_frames.peek([&](const VideoFrame& f) { frontPts = f.pts; })) {
    result.nextDue = now + toDuration(std::max(0.0, frontPts - clock));
  } else if (m_frames.finishedAndEmpty()) {
    const double videoEnd = m_haveCurrent ? m_current.pts + frameInterval : clock;
    const bool pictureDone = dueBy >= videoEnd;
    result.finished = pictureDone && (audioFinished() || clock >= videoEnd + kAudioTailLimitSeconds);
    result.nextDue = pictureDone ? now + kStarvedPoll : now + toDuration(videoEnd - clock);
  } else {
    result.nextDue = now + kStarvedPoll;
  }
  if (m_paused) result.nextDue = SteadyTime::max();
  return result;
}

}  // namespace etalase::media
