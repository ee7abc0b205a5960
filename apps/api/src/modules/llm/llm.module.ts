import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { knowledgeStoreFor, languageModelFor, validatorFor } from './llm-providers';
import { CoreModule } from '../core/core.module';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { KNOWLEDGE_STORE, LANGUAGE_MODEL, LLM_VALIDATOR } from './llm.tokens';
import { RecordingValidator } from './recording-validator';

/**
 * The llm domain of mCube: the ICICI strategy's trade validator (`LLM_VALIDATOR`: the rules
 * validator by default, Ollama when OLLAMA_URL / MCUBE_LLM=ollama; every validation stored in
 * `llm_validations`) and its knowledge store (`KNOWLEDGE_STORE`: SQLite FTS5 by default,
 * Chroma when CHROMA_URL is set), chosen once from the configuration; REST search and the
 * trader's notes (`/api/knowledge`). `LANGUAGE_MODEL` is the validator's Ollama model for free
 * text (the weekly insight), null with the rules validator.
 */
@Module({
  imports: [CoreModule],
  controllers: [KnowledgeController],
  providers: [
    { provide: LLM_VALIDATOR, inject: [APP_CONFIG, DataSource], useFactory: (config: AppConfig, dataSource: DataSource) => new RecordingValidator(validatorFor(config), dataSource) },
    { provide: KNOWLEDGE_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => knowledgeStoreFor(config) },
    { provide: LANGUAGE_MODEL, inject: [APP_CONFIG], useFactory: (config: AppConfig) => languageModelFor(config) },
  ],
  exports: [LLM_VALIDATOR, KNOWLEDGE_STORE, LANGUAGE_MODEL],
})
export class LlmModule {}
