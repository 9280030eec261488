// Plays one media file: a demux thread and decode threads fill small bounded queues as soon as
// the clip is opened (that is its pre-roll); the UI thread picks the frame due now.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "audio_sink.h"
#include "av_ptr.h"
#include "bounded_queue.h"
#include "error.h"
#include "hardware_decode.h"
#include "media_file.h"
#include "video_decoder.h"

namespace etalase::media {

struct ClipOptions {
  int decoderThreads = 0;  // 0: one per core
  bool decodeAudio = true;  // false when there is no audio device: the clip is timed by the wall clock
  std::chrono::milliseconds ioTimeout{5000};  // a read that takes longer is a failed read
  HardwareDecode hardware = HardwareDecode::Off;  // the kiosk sets Auto
  HardwareDecoderFactory openHardware;  // empty: libavcodec's hardware decoders (tests stand in others)
};

class ClipPlayer {
 public:
  // Opens the file and starts pre-rolling in the background. Blocks for the open only.
  static Result<std::unique_ptr<ClipPlayer>> open(const std::string& path, const ClipOptions& options);

  // Only open() can make one (it must check the decoders before handing the player out).
  class Key {
    friend class ClipPlayer;
    Key() = default;
  };
  ClipPlayer(Key, MediaFile file, const ClipOptions& options);
  ~ClipPlayer();
  ClipPlayer(const ClipPlayer&) = delete;
  ClipPlayer& operator=(const ClipPlayer&) = delete;

  const std::string& path() const { return m_file.path(); }
  const StreamInfo& info() const { return m_file.info(); }
  bool hasAudio() const { return m_decodeAudio; }
  // Which video decoder runs, e.g. "h264 (software)" or "h264_v4l2m2m (hardware)". A hardware
  // decoder that fails mid-clip is replaced by a software one, so this can change.
  std::string decoderDescription() const;

  // --- UI thread ---
  // True once the first video frame is decoded, or the clip has failed.
  bool ready() const;
  // Set when the clip produced no picture at all; the reason says why.
  std::optional<Error> failure() const;
  // Starts the clip's clock at its first frame.
  void start(SteadyTime now);
  void setPaused(bool paused, SteadyTime now);
  // Jumps to `seconds` of media time as the file stamps it (the same as position() unless the
  // file's timestamps leap). The next pick() shows the first picture at or after it and
  // carries on from there (paused or not). Blocks briefly while the threads restart; the caller
  // must keep readAudio() out meanwhile (Playlist holds its audio lock).
  Result<bool> seek(double seconds);

  struct Pick {
    const AVFrame* newFrame = nullptr;  // a frame to show now; valid until the next pick()
    SteadyTime nextDue;                 // when to call pick() again at the latest
    bool finished = false;              // every frame has been shown for its duration
  };
  Pick pick(SteadyTime now);
  int droppedFrames() const { return m_droppedFrames; }
  // The next decoded frame, not yet shown (nullptr if none): for drawing it ahead of its time.
  // Valid while it waits in the queue; pick() hands out this same frame when it is due.
  const AVFrame* peekNextFrame() const;
  // The caller has copied the picture on screen: once it is the clip's last, it is freed now,
  // and with it the decoder's picture pool (tens of MB at 1080p), instead of at the cut.
  void releaseLastPicture();
  // A decoded frame waits in the queue (for tests and benchmarks that step time by hand).
  bool hasQueuedFrame() const { return m_frames.size() > 0; }
  // The decoder has delivered its last frame and the queue is empty.
  bool decodingDone() const { return m_frames.finishedAndEmpty(); }
  // The video decoder has delivered its last frame and been freed (frames may still wait).
  bool videoDecoderFreed() const { return m_frames.finished(); }
  // Playback position in seconds of media time.
  double position(SteadyTime now);

  // --- audio thread (also safe from the UI thread) ---
  // All the clip's sound has been handed out (or it has none); when read with endAtPicture, up to
  // the end of the picture.
  bool audioFinished() const;
  // Media time at which the last picture ends; infinite until the video decoder has drained.
  double pictureEnd() const { return m_pictureEnd.load(); }
  // Copies up to `frames` interleaved frames; returns how many. `heardAt` is when the first of them
  // reaches the listener, which anchors the clip's clock to the audio. With `endAtPicture`, sound
  // after the end of the last picture (encoder padding, a longer soundtrack) is left out, so the
  // next clip's sound and picture can start the moment this picture ends.
  int readAudio(float* out, int frames, SteadyTime heardAt, bool endAtPicture = false) noexcept;

 private:
  struct VideoFrame {
    av::FramePtr frame;
    double pts = 0.0;
  };
  struct PcmChunk {
    std::vector<float> samples;  // interleaved, kOutputChannels
    double pts = 0.0;
  };

  Result<VideoDecoderPtr> openVideoDecoder();
  void setDecoderDescription(std::string description);
  double leapLimit() const;
  struct KeyframeBacklog;
  struct DecodeProgress;
  int receivePictures(av::FramePtr& frame, DecodeProgress& progress);
  bool takeOverInSoftware(int error, KeyframeBacklog& backlog, av::FramePtr& frame, DecodeProgress& progress);
  void startThreads();
  void stopThreads();
  void demuxLoop();
  void videoDecodeLoop();
  void audioDecodeLoop();
  void fail(Error error);
  double clockAt(SteadyTime now);
  void letSoundJoinPicture(double pts, SteadyTime now);
  // Media time of the next sample in m_partial (audio thread).
  double partialPosition() const noexcept;
  bool skipSoundTo(double pts) noexcept;
  void joinSoundToPicture(SteadyTime heardAt) noexcept;

  MediaFile m_file;
  ClipOptions m_options;
  bool m_decodeAudio = false;
  VideoDecoderPtr m_videoDecoder;
  mutable std::mutex m_descriptionMutex;
  std::string m_decoderDescription;
  av::CodecContextPtr m_audioDecoder;

  BoundedQueue<av::PacketPtr> m_videoPackets;
  BoundedQueue<av::PacketPtr> m_audioPackets;
  BoundedQueue<VideoFrame> m_frames;
  BoundedQueue<PcmChunk> m_pcm;

  bool m_decoderMissing = false;  // set by the constructor only; no threads were started
  bool m_hardwareFailed = false;  // video decode thread (or seek, with the threads stopped)
  std::atomic<bool> m_stop{false};
  std::atomic<double> m_seekTarget{-1e300};  // decoders drop what comes before it
  std::atomic<bool> m_firstFrameDecoded{false};
  std::atomic<bool> m_paused{false};
  mutable std::mutex m_failureMutex;
  std::optional<Error> m_failure;

  // Audio anchor: the sample with pts m_anchorPts is heard at m_anchorTime. Audio thread writes.
  std::mutex m_anchorMutex;
  bool m_anchorValid = false;
  double m_anchorPts = 0.0;
  SteadyTime m_anchorTime;
  // Audio thread only.
  PcmChunk m_partial;
  std::size_t m_partialOffset = 0;
  double m_soundEnd = 0.0;  // media time just after the last sample handed out
  std::atomic<bool> m_partialEmpty{true};
  std::atomic<bool> m_audioCut{false};       // the sound has been handed out up to the picture's end
  std::atomic<bool> m_endAtPicture{false};   // readAudio was asked to end the sound with the picture
  // Set when the picture starts (or resumes) before any sound has been heard: the first sound
  // read then starts where the picture is by the time it is heard, so a sound device that starts
  // late costs a few milliseconds of sound instead of a frozen picture.
  struct SoundJoin {
    double picturePts = 0.0;
    SteadyTime pictureStartedAt;
    int request = 0;  // a newer request is not cancelled by the audio thread finishing an older one
  };
  SoundJoin m_join;  // guarded by m_anchorMutex
  std::atomic<bool> m_soundJoinsPicture{false};
  // Media time at which the last picture ends; known once the video decoder has drained.
  std::atomic<double> m_pictureEnd{std::numeric_limits<double>::infinity()};

  // UI thread only.
  VideoFrame m_current;
  bool m_haveCurrent = false;
  double m_clockValue = 0.0;
  SteadyTime m_clockTime;
  bool m_started = false;
  int m_droppedFrames = 0;

  std::thread m_demuxThread;
  std::thread m_videoThread;
  std::thread m_audioThread;
};

}  // namespace etalase::media
