import type { LlmPort } from '@mcube/domain';
import { searchWords } from './knowledge-input';

/** Turns texts into vectors for the vector store. */
export interface Embedder {
  /** Stored on the collection: vectors of different embedders are never mixed. */
  readonly name: string;
  /** Hits below this cosine similarity are not relevant (the lexical store returns nothing for no shared word; this is the vector store's equivalent). */
  readonly minRelevance: number;
  embed(texts: readonly string[]): Promise<number[][]>;
}

/** 32-bit FNV-1a of a word. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The documented default when no embedding model is configured: feature hashing of the text's
 * words (and a crude suffix-stripped form, so "averaging" meets "average") into `dimensions`
 * signed buckets, L2-normalised. No model weights, deterministic, lexical: texts sharing no word
 * have a cosine near 0. Semantic search needs an embedding model (Ollama `embed`).
 */
export class HashingEmbedder implements Embedder {
  readonly name: string;
  readonly minRelevance = 0.12;

  constructor(private readonly dimensions = 1024) {
    this.name = `hashing-${dimensions}`;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    return texts.map((t) => this.vector(t));
  }

  /** The vector of one text (exported behaviour for the fake Ollama server in tests). */
  vector(text: string): number[] {
    const v = new Array<number>(this.dimensions).fill(0);
    for (const word of searchWords(text)) {
      for (const form of new Set([word, word.replace(/(ing|ed|es|e|s)$/, '')])) {
        const h = fnv1a(form);
        v[h % this.dimensions] += h & 0x80000000 ? -1 : 1;
      }
    }
    const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
    return norm > 0 ? v.map((x) => x / norm) : v;
  }
}

/** Vectors from a language model's `embed` (Ollama `/api/embed`). */
export class LlmEmbedder implements Embedder {
  readonly name: string;

  constructor(
    private readonly llm: LlmPort,
    model: string,
    readonly minRelevance = 0,
  ) {
    if (!llm.embed) throw new Error('this LLM adapter cannot embed');
    this.name = `llm:${model}`;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    const vectors = await (this.llm.embed as NonNullable<LlmPort['embed']>)(texts);
    return vectors.map((v) => [...v]);
  }
}
