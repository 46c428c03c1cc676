import { describe, expect, it } from 'vitest';
import { aiEvidenceOf, mergeRequestIidOfRef, revertReferenceOf, ticketKeysOf } from './linking';
import { LinkingRulesSchema } from './settings';

const rules = LinkingRulesSchema.parse({});
const mr = (over: Partial<Parameters<typeof ticketKeysOf>[0]>) => ({ title: '', description: '', sourceBranch: 'main', labels: [], authorUsername: 'ana', webUrl: 'https://g/x/-/merge_requests/1', ...over });

describe('linking rules', () => {
  it('finds ticket keys in branches (any case), titles and descriptions', () => {
    expect(ticketKeysOf(mr({ sourceBranch: 'feature/pay-123-retry', title: 'PAY-124: x', description: 'Closes DATA-9' }), rules)).toEqual(['PAY-123', 'PAY-124', 'DATA-9']);
    expect(ticketKeysOf(mr({ title: 'UTF-8 fix for PAY-1' }), rules, new Set(['PAY-1']))).toEqual(['PAY-1']);
  });
  it('says why an MR counts as AI-generated', () => {
    expect(aiEvidenceOf(mr({ authorUsername: 'relay-bot' }), rules, new Set())).toBe('author relay-bot');
    expect(aiEvidenceOf(mr({ labels: ['ai-generated'] }), rules, new Set())).toBe('label ai-generated');
    expect(aiEvidenceOf(mr({ sourceBranch: 'ai/PAY-1-x' }), rules, new Set())).toBe('branch prefix ai/');
    expect(aiEvidenceOf(mr({}), rules, new Set(['https://g/x/-/merge_requests/1']))).toBe('named in run events');
    expect(aiEvidenceOf(mr({}), rules, new Set())).toBeNull();
  });
  it('detects reverts by title and by commit', () => {
    expect(revertReferenceOf('Revert "PAY-1: add retry"', 'This reverts commit 1d43f2f5a9b6d8c7e0f1a2b3c4d5e6f708192a3b.')).toEqual({
      sha: '1d43f2f5a9b6d8c7e0f1a2b3c4d5e6f708192a3b',
      title: 'PAY-1: add retry',
    });
    expect(revertReferenceOf('Add revert button', '')).toBeNull();
  });
  it('reads MR iids from pipeline refs', () => {
    expect(mergeRequestIidOfRef('refs/merge-requests/133/head')).toBe(133);
    expect(mergeRequestIidOfRef('main')).toBeNull();
  });
});
