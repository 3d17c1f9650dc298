// Fixed dev/test halves, so a change tuned on one half can be checked on the other ("must hold on unseen
// text"). By topic for ECB+ (the articles of a topic share names and wording, so they must not straddle
// halves); by record position for the sets of independent items.
export type Part = 'dev' | 'test';
export const PARTS: Part[] = ['dev', 'test'];

/** ECB+: odd topics are dev, even topics test. */
export const topicPart = (topic: string | number): Part => (Number(topic) % 2 === 1 ? 'dev' : 'test');

/** STS-B pairs and Recognizers cases: even positions in the file are dev, odd ones test. */
export const positionPart = (index: number): Part => (index % 2 === 0 ? 'dev' : 'test');

export const SPLIT_NOTE = {
  topic: 'dev = odd ECB+ topics, test = even topics',
  position: 'dev = even positions in the file, test = odd positions',
};
