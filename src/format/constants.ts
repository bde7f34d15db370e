/**
 * Named constants of the backup file format. The byte layout they describe is specified in docs/format.md; a
 * change to any value marked "format" is a new format version.
 */

/** format: the 8 bytes every backup file starts with, in every version ("DASHBKUP" in ASCII). */
export const MAGIC: Uint8Array = Uint8Array.of(0x44, 0x41, 0x53, 0x48, 0x42, 0x4b, 0x55, 0x50);

/** format: the version this build writes (version 2: a random file key wrapped in key slots). */
export const FORMAT_VERSION = 2;

/** The versions this build reads without any registered extra reader. */
export const SUPPORTED_VERSIONS: readonly number[] = Object.freeze([1, 2]);

/** format: bytes of random PBKDF2 salt per file. */
export const SALT_BYTES = 16;

/** PBKDF2-HMAC-SHA256 iterations written by default (OWASP 2023 figure for PBKDF2-HMAC-SHA256). */
export const DEFAULT_ITERATIONS = 600_000;

/** Lowest iteration count a reader accepts (and a writer will use). */
export const MIN_ITERATIONS = 100_000;

/** Highest iteration count a reader accepts: a hostile file cannot make the browser hash for minutes. */
export const MAX_ITERATIONS = 10_000_000;

/**
 * Default size of one sealed chunk's plaintext (compressed bytes): 256 KiB, chosen by measurement (docs/format.md,
 * section 10: with the format Worker 256 KiB and 1 MiB run at the same speed, and larger chunks make larger steps on
 * the page). Not a format value: readers accept {@link MIN_CHUNK_BYTES} to {@link MAX_CHUNK_BYTES}.
 */
export const CHUNK_BYTES = 256 * 1024;

/** Smallest chunk size a reader accepts (tests use small chunks; real files use {@link CHUNK_BYTES}). */
export const MIN_CHUNK_BYTES = 1024;

/** Largest chunk size a reader accepts: bounds the memory one chunk can take. */
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

/** Default hard cap on the declared uncompressed (JSON) size a reader agrees to decompress: 512 MiB. */
export const DEFAULT_MAX_PLAINTEXT_BYTES = 512 * 1024 * 1024;

/** format: AES-GCM authentication tag bytes appended to every chunk. */
export const TAG_BYTES = 16;

/** format: AES-GCM nonce bytes (11-byte big-endian counter + 1 final-flag byte). */
export const NONCE_BYTES = 12;

/** format: total length of the v1 header, from the magic to the end of the header CRC. */
export const HEADER_BYTES = 88;

/** format (v2): bytes of the fixed part of the header, before the first key slot. */
export const V2_FIXED_HEADER_BYTES = 66;

/** format (v2): bytes of the random per-file HKDF salt. */
export const FILE_SALT_BYTES = 32;

/** format (v2): bytes of the random file key every key slot wraps. */
export const FILE_KEY_BYTES = 32;

/** format (v2): a reader refuses a header longer than this before reading it (slots included). */
export const MAX_V2_HEADER_BYTES = 4096;

/** format (v2): a reader refuses more key slots than this (a writer writes at most one of each type). */
export const MAX_KEY_SLOTS = 8;

/** format (v2): a reader refuses more password slots than this: each costs one PBKDF2 run. */
export const MAX_PASSWORD_SLOTS = 2;

/** format (v2): a reader refuses a key slot body longer than this. */
export const MAX_SLOT_BODY_BYTES = 1024;

/** format: bytes of a recovery key (256 bits from a CSPRNG). */
export const RECOVERY_KEY_BYTES = 32;

/** File name extension of a backup file. */
export const FILE_EXTENSION = '.dashboard-backup';
