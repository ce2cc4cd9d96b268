trigger ReviewActionTrigger on Review_Action__c(before insert, before update, after insert, after update) {
  PsmsTriggerDispatcher.run(Review_Action__c.SObjectType);
}
