package org.opencsc.rules;

/**
 * What a message from another system must carry before a waiting case accepts it (e.g.
 * {@code ChildReturned} with {@code returnedAt}). Checked when a catching event receives the
 * message; a refusal rolls the correlation back, so the case still waits.
 */
public final class MessageRules extends FieldRules<MessageRules> {

  private final String messageName;

  private MessageRules(String messageName) {
    this.messageName = messageName;
  }

  public static MessageRules message(String messageName) {
    return new MessageRules(messageName);
  }

  public String messageName() {
    return messageName;
  }

  @Override
  protected MessageRules self() {
    return this;
  }
}
